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

export class ApiError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

async function problem(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body?.detail) message = body.detail;
    else if (body?.title) message = body.title;
  } catch {
    /* not JSON */
  }
  return new ApiError(response.status, message);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await problem(response);
  return (await response.json()) as T;
}

export function getCase(businessKey: string): Promise<CaseView> {
  return getJson<CaseView>(`/api/cases/${encodeURIComponent(businessKey)}`);
}

/** Any process instance by id (a child case started by a call activity). */
export function getInstance(instanceId: string): Promise<CaseView> {
  return getJson<CaseView>(`/api/instances/${encodeURIComponent(instanceId)}`);
}

export async function getDefinitionXml(processId: string, version: number): Promise<string> {
  const response = await fetch(`/api/definitions/${encodeURIComponent(processId)}/${version}/xml`);
  if (!response.ok) throw await problem(response);
  return response.text();
}
