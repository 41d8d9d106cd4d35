import { request } from '../http';

/** One deployed version (`GET /api/definitions`). */
export interface DefinitionVersion {
  processId: string;
  name: string | null;
  version: number;
  sha256: string;
  deployedAt: string;
  deployedBy: string;
  /** Active instances on this version. */
  running: number;
}

/** An active instance of one version (`GET /api/definitions/{id}/{version}/instances`). */
export interface ActiveInstance {
  instanceId: string;
  businessKey: string | null;
  startedAt: string;
  activeElements: string[];
  incidents: number;
}

/** A product role, offered as a user task's candidate group. */
export interface Role {
  id: string;
  name: string;
}

/** A deploy-time problem, by element: the English message and the Chinese one. */
export interface DefinitionProblem {
  elementId: string;
  elementType: string;
  message: string;
  messageZh?: string;
}

/** A migration refusal (422 `errors`), by element of the source version: the English message and the Chinese one. */
export interface MigrationProblem {
  elementId: string;
  message: string;
  messageZh?: string;
}

export interface Validation {
  deployable: boolean;
  processes: string[];
  problems: DefinitionProblem[];
}

export async function listDefinitions(): Promise<DefinitionVersion[]> {
  return (await request('/api/definitions/', { noStore: true })).json();
}

export async function definitionXml(processId: string, version: number): Promise<string> {
  return (await request(`/api/definitions/${encodeURIComponent(processId)}/${version}/xml`, { accept: 'application/xml' })).text();
}

/** The catalogue as Zeebe element templates. */
export async function elementTemplates(): Promise<unknown[]> {
  return (await request('/api/activities/templates')).json();
}

export async function validate(xml: string): Promise<Validation> {
  return (await request('/api/definitions/validate', { method: 'POST', xml })).json();
}

/** Deploys; the server refuses (422, problems by element) what does not validate. */
export async function deploy(xml: string): Promise<DefinitionVersion[]> {
  return (await request('/api/definitions/', { method: 'POST', xml })).json();
}

export async function activeInstances(processId: string, version: number): Promise<ActiveInstance[]> {
  return (await request(`/api/definitions/${encodeURIComponent(processId)}/${version}/instances?limit=1000`, { noStore: true })).json();
}

export async function roles(): Promise<Role[]> {
  return (await request('/api/admin/roles')).json();
}

/**
 * Migrates one instance (or only checks, with `dryRun`): resolves with where each active element goes; rejects with
 * an ApiError whose `problem.errors` lists {@link MigrationProblem}s `{ elementId, message, messageZh }` (422) when refused.
 */
export async function migrate(instanceId: string, targetVersion: number, mapping: Record<string, string>, dryRun: boolean): Promise<unknown> {
  return (await request(`/api/instances/${instanceId}/migrate`, { method: 'POST', body: { targetVersion, mapping, dryRun } })).json();
}
