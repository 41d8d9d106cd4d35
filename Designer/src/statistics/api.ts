import { request } from '../http';

export interface CategoryFigures {
  category: string;
  name: string;
  classes: number;
  trainees: number;
  passed: number;
  traineesWithResults: number;
  passRate: number | null;
  subsidy: number;
  classesPaid: number;
  institutions: string[];
}

export interface QuarterlyFigures {
  year: number;
  quarter: number;
  from: string;
  to: string;
  categories: CategoryFigures[];
  total: CategoryFigures;
  pendingOpening: number;
  notOpened: number;
  withoutResults: number;
  withoutPayment: number;
  notes: string[];
}

export interface QuarterlyAnswer {
  jurisdiction: string;
  jurisdictionName: string;
  figures: QuarterlyFigures;
  jurisdictions: { id: string; name: string }[];
}

export async function quarterly(query: URLSearchParams): Promise<QuarterlyAnswer> {
  return (await request(`/api/statistics/quarterly?${query}`, { noStore: true })).json();
}
