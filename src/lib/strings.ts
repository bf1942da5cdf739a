/** Every UI string, in Norwegian bokmål. Keys are typed; `t()` fills {placeholders}. */
const nb = {
  'site.skipToContent': 'Hopp til hovedinnholdet',
  'site.categoriesNav': 'Emner',
  'site.footer': 'Nyheter ordnet etter dato og emne. Alle tider er norsk tid.',
  'nav.home': 'Forside',
  'nav.breadcrumbs': 'Brødsmulesti',
  'front.title': 'Siste nytt',
  'front.latest': 'Siste nytt',
  'front.empty': 'Ingen saker er publisert ennå.',
  'front.archive': 'Arkiv etter år',
  'article.published': 'Publisert',
  'article.updated': 'Oppdatert',
  'article.by': 'Av',
  'article.dayLink': 'Flere saker fra {day}',
  'article.tags': 'Stikkord',
  'article.neighbours': 'Flere saker i {category}',
  'article.newer': 'Nyere sak',
  'article.older': 'Eldre sak',
  'article.draft': 'Utkast – ikke publisert',
  'article.readingTime': '{minutes} min lesing',
  'article.toc': 'Innhold',
  'article.related': 'Relaterte saker',
  'article.printUrl': 'Adresse',
  'calendar.caption': 'Kalender for {month}',
  'search.title': 'Søk',
  'search.link': 'Søk',
  'search.label': 'Søk i nyhetene',
  'search.button': 'Søk',
  'search.category': 'Emne',
  'search.year': 'År',
  'search.all': 'Alle',
  'search.noScript': 'Søket trenger JavaScript. Bruk emnesidene og arkivet i stedet.',
  'search.prompt': 'Skriv et søkeord.',
  'search.searching': 'Søker …',
  'search.none': 'Ingen treff.',
  'search.one': '1 treff.',
  'search.many': '{count} treff.',
  'search.manyShown': '{count} treff, viser de {shown} første.',
  'search.unavailable':
    'Søket er ikke tilgjengelig akkurat nå. Prøv igjen om litt, eller bruk emnesidene og arkivet.',
  'list.empty': 'Ingen saker her ennå.',
  'feed.readMore': 'Les hele saken på nettstedet',
  'list.count.one': '1 sak',
  'list.count.other': '{count} saker',
  'list.page': 'side {page} av {pages}',
  'pagination.label': 'Sider',
  'pagination.newer': 'Nyere saker',
  'pagination.older': 'Eldre saker',
  'category.title': '{category}',
  'day.title': 'Nyheter {day}',
  'day.nav': 'Andre dager',
  'day.earlier': 'Forrige dag med nyheter: {day}',
  'day.later': 'Neste dag med nyheter: {day}',
  'month.title': 'Nyheter i {month}',
  'month.days': 'Dager med nyheter',
  'year.title': 'Nyheter i {year}',
  'year.months': 'Måneder med nyheter',
  'notFound.title': 'Fant ikke siden',
  'notFound.body': 'Siden du lette etter finnes ikke, eller den er flyttet.',
  'notFound.home': 'Gå til forsiden',
} as const;

export type StringKey = keyof typeof nb;

/** The UI string for `key`, with `{name}` placeholders replaced from `params`. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return nb[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** "1 sak" / "12 saker" */
export function countLabel(count: number): string {
  return count === 1 ? t('list.count.one') : t('list.count.other', { count });
}
