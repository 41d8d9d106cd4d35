/** Where the sign-in page lives, and where it may send the browser back to. */
export const loginPath = '/login';

export function isLoginPage(): boolean {
  return location.pathname === loginPath || location.pathname === `${loginPath}/`;
}

/** Leaves for the sign-in page, asking it to come back here (path + query) afterwards. */
export function goToLogin(): void {
  if (isLoginPage()) return;
  const here = location.pathname + location.search;
  location.replace(here === '/' ? loginPath : `${loginPath}?returnUrl=${encodeURIComponent(here)}`);
}

/**
 * The page to open after signing in: `raw` only when it is a path on this site (one leading `/`, no `//`, no `/\`,
 * no scheme, no control characters), else `/`. Guards against open redirects through `?returnUrl=`.
 */
export function safeReturnUrl(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, location.origin);
  } catch {
    return '/';
  }
  if (url.origin !== location.origin || url.pathname === loginPath) return '/';
  return url.pathname + url.search + url.hash;
}

/** `?returnUrl=` of the current page (ASP.NET's default spelling `ReturnUrl` too). */
export function returnUrlParam(): string | null {
  const q = new URLSearchParams(location.search);
  return q.get('returnUrl') ?? q.get('ReturnUrl');
}
