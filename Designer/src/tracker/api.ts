import { request } from '../http';

export interface TrackerElement { elementId: string; name: string }

/** A line of `GET /api/tracker/cases`. */
export interface TrackerItem {
  businessKey: string;
  processId: string;
  institutionId: string | null;
  institutionName: string | null;
  jurisdiction: string | null;
  jurisdictionName: string | null;
  occupation: string | null;
  stages: TrackerElement[];
  status: 'active' | 'incident' | 'completed' | 'cancelled';
  incidents: number;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
}

export interface TrackerPage { total: number; page: number; pageSize: number; items: TrackerItem[] }

export interface StageCounts {
  process: string;
  version: number;
  name: string | null;
  stages: { elementId: string; name: string; active: number; incidents: number }[];
  /** The stage drilled into (its call activity in the parent process), when the counts are of its sub-process. */
  within: { elementId: string; name: string; process: string } | null;
  /** Elements that call a sub-process one can drill into. */
  drillable: string[];
}

export interface Option { id: string; name: string }

export interface TrackerOptions { jurisdictions: Option[]; institutions: Option[]; occupations: string[]; processes: Option[] }

/** The filter names the URL and the API share. */
export const filterNames = ['process', 'jurisdiction', 'institution', 'occupation', 'stage', 'step', 'status', 'overdue', 'from', 'to'] as const;

export async function trackerCases(query: URLSearchParams): Promise<TrackerPage> {
  return (await request(`/api/tracker/cases?${query}`, { noStore: true })).json();
}

export async function stageCounts(query: URLSearchParams): Promise<StageCounts> {
  return (await request(`/api/tracker/stages?${query}`, { noStore: true })).json();
}

export async function trackerOptions(): Promise<TrackerOptions> {
  return (await request('/api/tracker/options', { noStore: true })).json();
}
