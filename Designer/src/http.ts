import { goToLogin, isLoginPage, loginPath } from './redirects';

/** An RFC 7807 problem details body (any extra members kept, e.g. `lockedOut`). */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
    public problem: Problem | null = null,
    public retryAfter: string | null = null,
  ) {
    super(message);
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let body: Problem | null = null;
  try {
    body = (await response.json()) as Problem;
    if (body?.detail) message = body.detail;
    else if (body?.title) message = body.title;
  } catch {
    /* not JSON */
  }
  return new ApiError(response.status, message, body, response.headers.get('Retry-After'));
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, as BPMN XML (application/xml), instead of a JSON body. */
  xml?: string;
  /** Sent as multipart/form-data (a file with its fields), instead of a JSON body. */
  form?: FormData;
  /** Defaults to application/json. */
  accept?: string;
  /** 'throw' hands a 401 to the caller (login, me); by default a 401 sends the browser to the sign-in page. */
  on401?: 'login' | 'throw';
  /** Bypasses the HTTP cache (answers that depend on who is signed in). */
  noStore?: boolean;
}

interface Antiforgery {
  token: string;
  headerName: string;
}

let antiforgery: Promise<Antiforgery> | null = null;

/** The antiforgery token for writes: fetched once per page load (and again after sign-in or sign-out), kept in memory. */
export function antiforgeryToken(): Promise<Antiforgery> {
  antiforgery ??= request('/api/auth/antiforgery', { noStore: true })
    .then((r) => r.json() as Promise<Antiforgery>)
    .catch((e: unknown) => {
      antiforgery = null;
      throw e;
    });
  return antiforgery;
}

/** Forgets the token: it is bound to the user, so it changes when someone signs in or out. */
export function resetAntiforgery(): void {
  antiforgery = null;
}

const never = new Promise<never>(() => {});

/**
 * Every call to the API goes through here: same-origin cookies, `Accept`, the antiforgery header on writes, problem
 * details turned into {@link ApiError}, and a 401 (or the server's redirect to /login) sending the browser to sign in.
 */
export async function request(url: string, options: RequestOptions = {}, retried = false): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json',
    // ASP.NET Core cookie authentication answers 401 rather than a redirect to such requests.
    'X-Requested-With': 'XMLHttpRequest',
  };
  if (method !== 'GET') {
    const af = await antiforgeryToken();
    headers[af.headerName] = af.token;
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.xml !== undefined) headers['Content-Type'] = 'application/xml';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.xml ?? options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      cache: options.noStore ? 'no-store' : 'default',
    });
  } catch (e) {
    throw new ApiError(0, `无法连接服务器 (network error): ${(e as Error).message}`);
  }

  const sentToLogin = response.redirected && new URL(response.url).pathname === loginPath;
  if (response.status === 401 || sentToLogin) {
    if (options.on401 === 'throw' || isLoginPage()) throw sentToLogin ? new ApiError(401, 'not signed in') : await problemOf(response);
    goToLogin();
    return never; // the page is leaving; callers show nothing in between
  }
  if (!response.ok) {
    const error = await problemOf(response);
    // A token from before a sign-in or sign-out in another tab no longer matches: fetch a new one and try once more.
    if (method !== 'GET' && !retried && error.status === 400 && /antiforgery/i.test(`${error.problem?.title} ${error.message}`)) {
      resetAntiforgery();
      return request(url, options, true);
    }
    throw error;
  }
  return response;
}
