import { request } from '../http';

export interface TenderLot { name: string; occupations: string[]; headcount: number; winners: number | null; area: string | null }
export interface TenderWinner { lot: string; institutionId: string; institutionName: string; rank: number; score: number | null; quota: number; area: string | null }
/** A tender as `GET /api/tenders` lists it (Host/Tenders/TenderViews.cs). */
export interface Tender {
  key: string; jurisdiction: string; jurisdictionName: string; title: string; method: string; methodName: string;
  occupations: string[]; headcount: number; lots: TenderLot[]; publishedOn: string | null; bidDeadline: string | null;
  publicityEndsAt: string | null; status: string; incident: boolean; stage: string[]; inPublicity: boolean; objectionUpheld: boolean | null;
  winners: TenderWinner[]; contracts: string[]; noticeFindings: { rule: string; severity: string; message: string }[]; createdAt: string;
}

/** What `POST /api/tenders` takes (Host/Tenders/TenderRequest.cs). */
export interface TenderRequest {
  title: string; method: string; occupations: string[]; headcount: number; lots: TenderLot[]; shortlistOnly: boolean;
  evaluatorPool: string[]; evaluatorCount: number; evaluatorSeed: string | null; contractStartsOn: string | null; contractEndsOn: string | null;
  lotterySeed: string | null; lotteryAreas: { area: string; quota: number }[];
}

export async function tenders(): Promise<Tender[]> {
  return (await request('/api/tenders', { noStore: true })).json();
}

export async function startTender(body: TenderRequest): Promise<{ key: string }> {
  return (await request('/api/tenders', { method: 'POST', body })).json();
}

export async function object(key: string, text: string): Promise<void> {
  await request(`/api/tenders/${encodeURIComponent(key)}/objections`, { method: 'POST', body: { text } });
}

/** An annual plan as `GET /api/plans` lists it (Host/Tenders/PlanBoard.cs). */
export interface Plan {
  key: string; jurisdiction: string; jurisdictionName: string; planYear: number | null; county: string | null; plannedHeadcount: number | null;
  occupations: string[]; status: string; incident: boolean; stage: string[]; findings: { rule: string; severity: string; message: string }[]; inForce: boolean; createdAt: string;
}

export async function plans(): Promise<Plan[]> {
  return (await request('/api/plans', { noStore: true })).json();
}

export async function startPlan(body: { planYear: number; previousOccupations: string[] }): Promise<{ key: string }> {
  return (await request('/api/plans', { method: 'POST', body })).json();
}
