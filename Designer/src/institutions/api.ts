import { request } from '../http';

export interface ContractArea { area: string; quota: number }
export interface Renewal { periodStartsOn: string; recordedBy: string; recordedAt: string }
export interface Contract {
  id: string; jurisdiction: string; institutionId: string; institutionName: string; number: string;
  occupations: string[]; areas: ContractArea[]; startsOn: string; endsOn: string; renewedYearly: boolean;
  orderBasedPercent: number | null; renewals: Renewal[]; nextRenewal: string | null; status: string; statusName: string;
  recordedBy: string; recordedAt: string; terminatedBy: string | null; terminatedAt: string | null; terminationReason: string | null;
}
export interface Review { year: number; grade: string; gradeName: string; publication: string; recordedBy: string; recordedAt: string }
export interface BlacklistEntry {
  id: string; reason: string; decision: string; evidenceSha256: string; evidenceFileName: string; licenceRevoked: boolean;
  decidedBy: string; decidedAt: string;
}
export interface Registration { level: string; levelName: string; registeredOn: string; recordedBy: string; recordedAt: string }
export interface Standing {
  id: string; name: string; jurisdiction: string; jurisdictionName: string; creditCode: string | null; licensedOccupations: string[];
  registration: Registration | null; reviews: Review[]; latestReview: Review | null; blacklisted: boolean; blacklist: BlacklistEntry[];
  contracts: Contract[];
}

const path = (id: string) => `/api/institutions/${encodeURIComponent(id)}`;

export async function institutions(): Promise<Standing[]> {
  return (await request('/api/institutions', { noStore: true })).json();
}

export async function standing(id: string): Promise<Standing> {
  return (await request(`${path(id)}/standing`, { noStore: true })).json();
}

export async function recordContract(body: unknown): Promise<Contract> {
  return (await request('/api/contracts', { method: 'POST', body })).json();
}

export async function renew(contractId: string): Promise<Contract> {
  return (await request(`/api/contracts/${encodeURIComponent(contractId)}/renewals`, { method: 'POST', body: {} })).json();
}

export async function terminate(contractId: string, reason: string): Promise<Contract> {
  return (await request(`/api/contracts/${encodeURIComponent(contractId)}/termination`, { method: 'POST', body: { reason } })).json();
}

export async function recordReview(id: string, body: { year: number; grade: string; publication: string }): Promise<Standing> {
  return (await request(`${path(id)}/reviews`, { method: 'POST', body })).json();
}

export async function recordRegistration(id: string, body: { level: string; registeredOn: string }): Promise<Standing> {
  return (await request(`${path(id)}/registration`, { method: 'PUT', body })).json();
}

/** Multipart (the evidence file with its fields). */
export async function blacklist(id: string, form: FormData): Promise<Standing> {
  return (await request(`${path(id)}/blacklist`, { method: 'POST', form })).json();
}

export interface Eligibility { eligible: boolean; date: string; reasons: { rule: string; message: string }[] }

export async function eligibility(id: string, occupation: string, area: string, date: string): Promise<Eligibility> {
  const query = new URLSearchParams({ occupation });
  if (area) query.set('area', area);
  if (date) query.set('date', date);
  return (await request(`${path(id)}/eligibility?${query}`, { noStore: true })).json();
}
