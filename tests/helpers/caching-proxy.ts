/**
 * nginx as a caching proxy (proxy_cache, which honours Vary) in front of a site's server: what a
 * CDN or a shared cache does between the shipped nginx and readers. It caches every 200 for ten
 * minutes whatever Cache-Control says (the worst case for a cache), and says HIT or MISS in
 * X-Cache.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, NGINX, type RunningServer } from '../../scripts/nginx-server';

export async function serveCachingProxy(origin: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nyheter-cdn-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${dir}/${kind}_temp;`)
    .join('\n');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {
    worker_connections 64;
}
http {
    access_log off;
${temp}
    proxy_cache_path ${dir}/cache keys_zone=cdn:1m;
    server {
        listen 127.0.0.1:${port};
        location / {
            proxy_pass ${origin};
            proxy_http_version 1.1;
            proxy_cache cdn;
            proxy_cache_valid 200 10m;
            proxy_ignore_headers Cache-Control Expires;
            add_header X-Cache $upstream_cache_status always;
        }
    }
}
`,
  );
  const check = spawnSync(NGINX, ['-t', '-e', join(dir, 'error.log'), '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t (caching proxy) failed:\n${check.stderr}`);
  const child = spawn(NGINX, ['-e', join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (tries > 200) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
