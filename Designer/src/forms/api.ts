import { request } from '../http';

/** One deployed version of a task form (`/api/forms`). */
export interface FormVersion {
  formId: string;
  version: number;
  name: string;
  sha256: string;
  deployedAt: string;
  /** Display name (「system」 for the forms shipped with the product). */
  deployedBy: string;
}

export interface FormListItem {
  latest: FormVersion;
  versions: number;
}

/** A form-js schema: `{ id, type, components: [...] }`. */
export type FormSchema = { id: string; components: unknown[]; [key: string]: unknown };

export interface DeployedForm {
  formId: string;
  version: number;
  name: string;
  deployedAt: string;
  schema: FormSchema;
}

/** Every deployed form's latest version (bureau staff). */
export async function listForms(): Promise<FormListItem[]> {
  return (await request('/api/forms/', { noStore: true })).json();
}

/** The latest version of a form (or the given one), with its schema. */
export async function getForm(formId: string, version?: number): Promise<DeployedForm> {
  return (await request(`/api/forms/${encodeURIComponent(formId)}${version ? `/${version}` : ''}`, { noStore: true })).json();
}

/** Deploys a schema (administrators): the new version, or the latest one when nothing changed. A 400 says what is wrong, Chinese first. */
export async function deployForm(schema: FormSchema): Promise<FormVersion> {
  return (await request('/api/forms/', { method: 'POST', body: schema })).json();
}
