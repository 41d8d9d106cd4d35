import { ApiError, request, resetAntiforgery } from './http';

export { ApiError };
export type { Problem } from './http';

export interface Waiting {
  bookmarkId: string;
  kind: string;
  nodeId: string;
  name: string;
  candidateGroups: string[];
  since: string;
  /** For a timer: when it fires; for a user task: its due date. */
  dueAt?: string | null;
  /** For a job: where it stands in the scheduler (null once it finished or when its token holds an incident). */
  job?: JobProgress | null;
}
export interface JobProgress {
  state: 'queued' | 'running' | 'retrying';
  try: number;
  percent?: number | null;
  done?: number | null;
  total?: number | null;
  unit?: string | null;
  nextTryAt?: string | null;
}
export interface Incident {
  tokenId: string;
  nodeId: string;
  message: string;
}
export interface Finding {
  rule?: string;
  severity?: string;
  message?: string;
  page?: number | null;
}
export interface Report {
  file: string | null;
  sha256: string | null;
  verdict: string | null;
  missing: string[] | null;
  findings: Finding[] | null;
}
export interface HistoryItem {
  sequence: number;
  at: string;
  actor: string;
  kind: string;
  nodeId: string | null;
  detail: string | null;
  /** A task completion's decision: approve or reject. */
  outcome?: string | null;
  /** A task completion's comment (internal comments only reach bureau staff). */
  comment?: string | null;
}
export interface Pack {
  sha256: string;
  fileName: string;
  action: string;
  at: string;
  by: string;
}
export interface CaseView {
  businessKey: string;
  instanceId: string;
  processId: string;
  version: number;
  status: string;
  startedAt: string;
  endedAt: string | null;
  waiting: Waiting[];
  incidents: Incident[];
  packs: Pack[];
  report: Report | null;
  history: HistoryItem[];
  /** The instance whose call activity started this one. */
  parentInstanceId?: string | null;
  /** Instances this one's call activities started. */
  children: ChildInstance[];
  /** The case (or a stage) waits for a corrected pack: the institution may upload one now. */
  awaitsPack?: boolean;
  /** The pack check running for the case or a stage (pages done / total), or null. */
  packCheck?: JobProgress | null;
  /** What the case waits for now (its stages too), with time limits in working days (承诺时限 / 已用时). */
  deadlines?: CaseDeadline[];
  /** A job of the case or a stage is queued or running: the page follows it. */
  working?: boolean;
  /** Decisions on the case and its stages (task completions with an outcome or a comment), oldest first. */
  decisions?: HistoryItem[];
}
export interface CaseDeadline {
  party: 'institution' | 'bureau' | string;
  name: string;
  nodeId: string;
  roles: string[];
  since: string;
  dueAt: string | null;
  promisedWorkingDays: number | null;
  usedWorkingDays: number;
  remainingWorkingDays: number | null;
}
export interface ChildInstance {
  instanceId: string;
  processId: string;
  version: number;
  status: string;
  startedAt: string;
  endedAt: string | null;
  waiting: number;
  incidents: number;
}

async function getJson<T>(url: string): Promise<T> {
  return (await (await request(url)).json()) as T;
}

export function getCase(businessKey: string): Promise<CaseView> {
  return getJson<CaseView>(`/api/cases/${encodeURIComponent(businessKey)}`);
}

/** Any process instance by id (a child case started by a call activity). */
export function getInstance(instanceId: string): Promise<CaseView> {
  return getJson<CaseView>(`/api/instances/${encodeURIComponent(instanceId)}`);
}

export async function getDefinitionXml(processId: string, version: number): Promise<string> {
  const url = `/api/definitions/${encodeURIComponent(processId)}/${version}/xml`;
  const response = await request(url, { accept: 'application/xml, application/problem+json;q=0.9' });
  return response.text();
}

export interface Organisation {
  id: string;
  kind: 'bureau' | 'institution';
  name: string;
  jurisdiction: string;
}

/** The signed-in user (`/api/auth/me`, and the answer to a sign-in). */
export interface Me {
  userId: string;
  userName: string;
  displayName: string;
  roles: string[];
  organisation: Organisation | null;
}

/** Who is signed in, or null when nobody is (401). */
export async function me(): Promise<Me | null> {
  try {
    return (await (await request('/api/auth/me', { on401: 'throw', noStore: true })).json()) as Me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Signs in (sets the auth cookie). Throws ApiError: 401 wrong credentials or locked out (`problem.lockedOut`), 429. */
export async function login(userName: string, password: string): Promise<Me> {
  const response = await request('/api/auth/login', {
    method: 'POST',
    body: { userName, password },
    on401: 'throw',
    noStore: true,
  });
  resetAntiforgery();
  return (await response.json()) as Me;
}

/** Signs out (clears the auth cookie). */
export async function logout(): Promise<void> {
  await request('/api/auth/logout', { method: 'POST', noStore: true });
  resetAntiforgery();
}
