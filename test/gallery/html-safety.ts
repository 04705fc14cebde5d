/**
 * Test helper: proves a fragment of gallery HTML contains only the tags and attributes the
 * gallery writes itself, so hostile payload text can never become markup.
 */

/** Tags the gallery's message HTML may contain. */
const TAGS = new Set([
  'a',
  'article',
  'b',
  'blockquote',
  'br',
  'code',
  'div',
  'hr',
  'i',
  'path',
  'pre',
  'rect',
  's',
  'span',
  'svg',
]);
/** Attributes it may set. */
const ATTRIBUTES = new Set([
  'class',
  'href',
  'target',
  'rel',
  'title',
  'role',
  'aria-label',
  'aria-hidden',
  'style',
  'viewBox',
  'width',
  'height',
  'rx',
  'fill',
  'd',
  'stroke',
  'stroke-width',
  'stroke-linejoin',
]);

/**
 * Every tag or attribute of `html` outside the allowed sets, and every `style` other than the
 * attachment bar's checked colour. Empty means the fragment is made of the gallery's own markup.
 */
export function foreignMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const [tag, name = '', rest = ''] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!TAGS.has(name)) problems.push(`tag <${name}>`);
    const leftover = rest.replace(/\s([\w-]+)="([^"]*)"/g, (_, attribute: string, value: string) => {
      if (!ATTRIBUTES.has(attribute)) problems.push(`attribute ${attribute} in ${tag}`);
      if (attribute === 'style' && !/^background:#[0-9a-f]{6}$/.test(value)) problems.push(`style ${value}`);
      if (attribute === 'href' && !/^(https?:\/\/|mailto:)/i.test(value)) problems.push(`href ${value}`);
      return '';
    });
    if (leftover.replace(/\s*\/?$/, '') !== '') problems.push(`unparsed ${JSON.stringify(leftover)} in ${tag}`);
  }
  if (/<(?![a-zA-Z/])/.test(html)) problems.push('a raw <');
  return problems;
}
