import { request } from '../http';
import type { Finding } from '../api';

/** A file of a pack and its pages (pages run on across files). */
export interface PackPart {
  sha256: string;
  fileName: string;
  pages: number;
}
export interface PageReport {
  number: number;
  source: 'text' | 'ocr';
  confidence: number;
  section: string;
  text: string;
}
export interface ChecklistItem {
  id: string;
  label: string;
  required: boolean;
  rule: string;
  found: boolean;
  pages: number[];
  minPages?: number | null;
  complete: boolean;
}
export interface Checklist {
  id: string;
  displayName: string;
  source: string;
  rule: string;
  items: ChecklistItem[];
}
/** `GET /api/cases/{key}/report`: the latest checked pack, page by page, with its checklist (材料清单). */
export interface PackReportView {
  file: string;
  sha256: string;
  pack: string;
  profile: string;
  verdict: string;
  parts: PackPart[];
  pages: PageReport[];
  checklist: Checklist | null;
  missing: string[];
  findings: Finding[];
  summary: { pages: number; ocrPages: number; trainees: number; invalidIds: number; vacancies?: number | null };
}
/** A notice or form the case produced (文书). */
export interface CaseDocument {
  sha256: string;
  fileName: string;
  contentType: string;
  form: string;
  nodeId: string;
  at: string;
}

const key = (businessKey: string) => encodeURIComponent(businessKey);

/** The report, or null before any pack of the case was checked (404). */
export async function getPackReport(businessKey: string): Promise<PackReportView | null> {
  try {
    return (await (await request(`/api/cases/${key(businessKey)}/report`, { noStore: true })).json()) as PackReportView;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

export async function getCaseDocuments(businessKey: string): Promise<CaseDocument[]> {
  return (await (await request(`/api/cases/${key(businessKey)}/documents`, { noStore: true })).json()) as CaseDocument[];
}

export const pageImageUrl = (businessKey: string, pack: string, page: number, size: 'thumb' | 'large') =>
  `/api/cases/${key(businessKey)}/packs/${pack}/pages/${page}?size=${size}`;

export const documentUrl = (businessKey: string, sha256: string) => `/api/cases/${key(businessKey)}/documents/${sha256}`;
