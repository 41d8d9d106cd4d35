import { antiforgeryToken, ApiError, type Problem } from '../http';

/** What the server answered an accepted upload (202, or 200 for the same pack twice). */
export interface UploadAccepted {
  businessKey: string;
  instanceId: string;
  duplicate?: boolean;
}

/**
 * Uploads a material pack to `POST /api/cases/{businessKey}/packs` as multipart (`file` plus the extra `fields`, e.g.
 * `process` and the class data as JSON in `class`), reporting the bytes sent through `onProgress(sent, total)`.
 * XMLHttpRequest rather than fetch, for the upload progress. Rejects with an {@link ApiError} carrying the problem
 * details (400 bad class data or file, 409, 413 too large, 415).
 */
export async function uploadPack(
  businessKey: string, file: File, fields: Record<string, string>, onProgress: (sent: number, total: number) => void,
): Promise<UploadAccepted> {
  const af = await antiforgeryToken();
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${encodeURIComponent(businessKey)}/packs`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader(af.headerName, af.token);
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.addEventListener('error', () => reject(new ApiError(0, '网络中断，上传未完成，请重试 (network error: the upload did not finish)')));
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadAccepted);
      else {
        const problem = body as Problem | null;
        reject(new ApiError(xhr.status, problem?.detail ?? problem?.title ?? `上传失败 (HTTP ${xhr.status})`, problem, null));
      }
    });
    xhr.send(form);
  });
}
