/**
 * The production nginx configuration, generated from one set of values so that the shipped
 * deploy/nginx.conf and the one the browser tests run can never drift apart.
 */
import { DICTIONARY_CACHE, IMMUTABLE_CACHE, PAGE_CACHE, SECURITY_HEADERS } from './security-headers.ts';
import { dictionaryPath, feedPath, href, normaliseBase } from '../urls.ts';
import { NGINX_GONE_FILE, NGINX_REDIRECTS_FILE } from '../build/redirects.ts';

export interface NginxOptions {
  /** `listen` value: "80", or "127.0.0.1:8123" in tests. */
  listen: string;
  /**
   * The web root. The built site (dist/) must be at `root + base`: for base "/" the root is
   * the built site itself; for "/nyheter/" copy dist/ to <root>/nyheter/.
   */
  root: string;
  /** Deploy base, "/" or "/nyheter/" (BASE_PATH). */
  base: string;
  /** Absolute path of nginx's mime.types. */
  mimeTypes?: string;
  /** Folder for pid, logs and temp files; when set, a full standalone nginx.conf is written. */
  runtimeDir?: string;
  /**
   * Serve the build's .br twins too: needs Debian's libnginx-mod-http-brotli-static (the module
   * file below). Without it nginx refuses the directive, so it is off unless asked for.
   */
  brotli?: boolean;
  /**
   * Serve pages compressed against the site's dictionary (the default). false: for a build with
   * DICTIONARY=0, and for a server behind a cache or CDN that does not vary on
   * Available-Dictionary: no dictionary is announced and no page is sent as dcb.
   */
  dictionary?: boolean;
}

/** Where Debian's libnginx-mod-http-brotli-static puts its module. */
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

const GZIP_TYPES = [
  'text/css',
  'text/plain',
  'text/xml',
  'application/javascript',
  'application/json',
  'application/feed+json',
  'application/ld+json',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'image/svg+xml',
];

function headerLines(cacheControl: string, indent: string): string {
  // add_header in a location replaces all inherited ones, so each location lists them all.
  return [
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `add_header ${name} "${value}" always;`),
    `add_header Cache-Control "${cacheControl}" always;`,
  ]
    .map((line) => indent + line)
    .join('\n');
}

/** The JSON Feed's file name (site-wide and per category); nginx's mime.types says application/json. */
const JSON_FEED_FILE = feedPath('json').slice(1);

/**
 * Compression Dictionary Transport (src/lib/build/dictionary.ts), at http level: a browser that
 * holds the site's dictionary sends `dcb` and the dictionary's hash; a page's twin compressed
 * against that dictionary is named by the hash. Pages announce the dictionary in a Link header.
 */
function dictionaryMaps(base: string, enabled: boolean): string {
  if (!enabled) {
    return `# No compression dictionary (--no-dictionary): every page is index.html, sent as gzip or
# brotli; nothing is announced and nothing varies on Available-Dictionary (one Vary line, as above).
map $uri $page_index {
    default index.html;
}
map $uri $page_vary {
    default Accept-Encoding;
}
map $uri $page_dictionary_link {
    default "";
}`;
  }
  return `# Compression Dictionary Transport: a browser holding the site's dictionary gets the page's
# twin made with it (index.html.<hash>.dcb) when there is one, else index.html as usual.
map $http_available_dictionary $dictionary_hash {
    default "";
    "~^:(?<hash>[A-Za-z0-9]{43}=):$" $hash;
}
# "dcb" in Accept-Encoding, unless with q=0 (not acceptable).
map $http_accept_encoding $accepts_dcb {
    default 0;
    "~*(^|[ ,])dcb *(,|$|;(?! *q *= *0(\\.0{0,3})? *(,|$)))" 1;
}
map "$accepts_dcb:$dictionary_hash" $page_index {
    default index.html;
    "~^1:(?<hash>.+)$" index.html.$hash.dcb;
}
# One Vary line (gzip_vary is off where this is sent): a shared cache such as nginx's
# proxy_cache honours only one, and a second line (Vary: Available-Dictionary beside gzip's
# Vary: Accept-Encoding) would let it hand one reader's encoding to another. Pages vary on the
# dictionary too (the URI is the page's file by the time headers go out).
map $uri $page_vary {
    default Accept-Encoding;
    "~\\.html$" "Accept-Encoding, Available-Dictionary";
}
map $uri $page_dictionary_link {
    default "";
    "~\\.html$" '<${href(dictionaryPath(), base)}>; rel="compression-dictionary"';
}`;
}

/**
 * Old addresses that moved (src/lib/build/redirects.ts): the map the build writes into the site.
 * The wildcard lets nginx start before the first deploy; after a deploy, reload nginx to read the
 * new map.
 */
function redirectMap(root: string, base: string): string {
  return `# Old addresses that moved: the build's ${NGINX_REDIRECTS_FILE} (reload nginx after each deploy).
map $uri $moved_to {
    default "";
    include ${root.replace(/\/$/, '')}${base}${NGINX_REDIRECTS_FILE}*;
}`;
}

/**
 * Killed stories (front-matter `killed`, a wire kill): their addresses answer 410 Gone, from the
 * map the build writes beside the redirects.
 */
function goneMap(root: string, base: string): string {
  return `# Killed stories: the build's ${NGINX_GONE_FILE} (reload nginx after each deploy).
map $uri $gone {
    default "";
    include ${root.replace(/\/$/, '')}${base}${NGINX_GONE_FILE}*;
}`;
}

/** The `server { … }` block. */
export function nginxServer({ listen, root, base, brotli }: NginxOptions): string {
  const b = normaliseBase(base);
  const i = '    ';
  // "always": the 404 page is sent with status 404, and its Vary matters to caches as much.
  const pageHeaders = `${i}${i}gzip_vary off;
${i}${i}add_header Vary $page_vary always;
${i}${i}add_header Link $page_dictionary_link always;`;
  return `server {
    listen ${listen};
    server_name _;
    root ${root.replace(/\/$/, '')};
    charset utf-8;
    server_tokens off;
    # Redirects (e.g. /2020 → /2020/) keep the scheme, host and port the reader used.
    absolute_redirect off;
    index $page_index index.html;
    error_page 404 ${b}404.html;
    # A killed story's address: gone for good, with the site's page saying it is not here.
    error_page 410 ${b}404.html;

    # A list page numbered the old way (/utenriks/side/2/) → the month page with its stories.
    if ($moved_to) {
        return 301 $moved_to;
    }
    if ($gone) {
        return 410;
    }

    # Responses nginx makes before choosing a location (400 for a malformed request) get these;
    # every location below lists them again (add_header there replaces the inherited set).
${headerLines(PAGE_CACHE, i)}

    location = ${b}404.html {
${headerLines(PAGE_CACHE, i + i)}
${pageHeaders}
    }

    # A page compressed against the dictionary (reached only through index above): sent as it
    # is, never compressed again.
    location ~ \\.dcb$ {
        internal;
        gzip off;
        gzip_static off;
${
  brotli === true
    ? `${i}${i}brotli_static off;
`
    : ''
}        types { }
        default_type text/html;
${headerLines(PAGE_CACHE, i + i)}
        add_header Content-Encoding dcb;
        add_header Vary "Accept-Encoding, Available-Dictionary";
    }

    # The dictionary: one address, fresh for a day (security-headers.ts, DICTIONARY_CACHE).
    location = ${href(dictionaryPath(), b)} {
${headerLines(DICTIONARY_CACHE, i + i)}
        add_header Use-As-Dictionary 'match="${b}*", match-dest=("document")';
    }

    # Hashed build output (Astro's _astro/): the name changes when the content does.
    location ^~ ${b}_astro/ {
${headerLines(IMMUTABLE_CACHE, i + i)}
        try_files $uri =404;
    }

    # Never serve dotfiles (a deploy may carry .git/ or .env) except /.well-known/, nor the
    # header and redirect files meant for other static hosts (and this server's own map).
    location ~ /\\.(?!well-known/) {
${headerLines(PAGE_CACHE, i + i)}
        return 404;
    }
    location ~ ^${b}_(headers|redirects(\\.nginx)?|gone\\.nginx)$ {
${headerLines(PAGE_CACHE, i + i)}
        return 404;
    }

    # JSON Feeds (site-wide and per category) are application/feed+json; other .json files
    # (the search index) keep application/json from mime.types.
    location ~ /${JSON_FEED_FILE.replace('.', '\\.')}$ {
        types { }
        default_type "application/feed+json; charset=utf-8";
${headerLines(PAGE_CACHE, i + i)}
        try_files $uri =404;
    }

    location ${b} {
${headerLines(PAGE_CACHE, i + i)}
${pageHeaders}
        # Clean URLs: /2020/10/10/ is 2020/10/10/index.html; /2020 redirects to /2020/.
        try_files $uri $uri/ =404;
    }
}`;
}

/** A standalone nginx.conf (used by the tests, and a starting point for a dedicated server). */
export function nginxConfig(options: NginxOptions): string {
  const runtime = options.runtimeDir;
  const mime = options.mimeTypes ?? '/etc/nginx/mime.types';
  const runtimeLines = runtime
    ? `pid ${runtime}/nginx.pid;
error_log ${runtime}/error.log warn;
`
    : `pid /run/nginx.pid;
error_log /var/log/nginx/error.log warn;
`;
  const tempLines = runtime
    ? ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
        .map((kind) => `    ${kind}_temp_path ${runtime}/${kind}_temp;`)
        .join('\n') + '\n'
    : '';
  const brotli = options.brotli === true;
  return `# Generated by scripts/deploy-config.ts (npm run deploy:config) from src/lib/deploy/ — edit those, not this file.
${brotli ? `# Needs Debian's libnginx-mod-http-brotli-static; without it use nginx.conf (gzip only).\nload_module ${BROTLI_STATIC_MODULE};\n` : ''}worker_processes auto;
${runtimeLines}
events {
    worker_connections 1024;
}

http {
    include ${mime};
    default_type application/octet-stream;
    access_log ${runtime ? 'off' : '/var/log/nginx/access.log'};
${tempLines}    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;

    # The build writes page.html.gz and page.html.br beside each text file (src/lib/build/
    # precompress.ts): sent as they are, compressed once. gzip on the fly only for files
    # without a twin (smaller than 256 bytes, or built with PRECOMPRESS=0).
    gzip_static on;
${brotli ? '    brotli_static on;\n' : ''}    gzip on;
    gzip_vary on;
    gzip_comp_level 6;
    gzip_min_length 256;
    gzip_types ${GZIP_TYPES.join(' ')};

${[
  // Before the first map: an article's address is longer than the default bucket (64 bytes).
  'map_hash_bucket_size 256;',
  dictionaryMaps(normaliseBase(options.base), options.dictionary !== false),
  redirectMap(options.root, normaliseBase(options.base)),
  goneMap(options.root, normaliseBase(options.base)),
]
  .join('\n')
  .split('\n')
  .map((line) => (line ? `    ${line}` : line))
  .join('\n')}

${nginxServer(options)
  .split('\n')
  .map((line) => (line ? `    ${line}` : line))
  .join('\n')}
}
`;
}
