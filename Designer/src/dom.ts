export type Child = Node | string | number | null | undefined | false;

/** Builds an element; strings become text nodes (never HTML). */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Whether the signed-in user chose English (the top bar's switch; `pipeline.lang` in localStorage). */
function english(): boolean {
  try {
    return localStorage.getItem('pipeline.lang') === 'en';
  } catch {
    return false;
  }
}

/**
 * A bilingual label as the pages show it: the chosen language first, the other in small type after it
 * (中文 <small>English</small>, or English <small>中文</small> after the switch). Spread it into `h(…)`'s children.
 */
export function bi(zh: string, en: string): (string | HTMLElement)[] {
  return english() ? [en, ' ', h('small', { lang: 'zh-CN' }, zh)] : [zh, ' ', h('small', { lang: 'en' }, en)];
}

/** A link inside the app: a real `href` (open in a new tab, copy), followed without a page reload by `navigate`. */
export function appLink(path: string, navigate: (path: string) => void, attrs: Record<string, string>, ...children: Child[]): HTMLAnchorElement {
  const a = h('a', { ...attrs, href: path }, ...children) as HTMLAnchorElement;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    navigate(path);
  });
  return a;
}
