import { request } from '../http';

/** One deployed version (`GET /api/definitions`). */
export interface DefinitionVersion {
  processId: string;
  name: string | null;
  version: number;
  sha256: string;
  deployedAt: string;
  deployedBy: string;
}

/** A deploy-time problem, by element. */
export interface DefinitionProblem {
  elementId: string;
  elementType: string;
  message: string;
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
