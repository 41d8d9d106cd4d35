import { Upload } from 'tus-js-client';
import { antiforgeryToken, ApiError, request } from '../http';

/** What the server answered an accepted pack (202, or 200 for the same pack twice). */
export interface UploadAccepted {
  businessKey: string;
  instanceId: string;
  fileName: string;
  duplicate?: boolean;
}

/** Bytes of each file sent so far and in all; `file` is the index in the list. */
export type UploadProgress = (file: number, sent: number, total: number) => void;

/** tus chunks: what a dropped connection can lose at most, and what one PATCH carries. */
const chunkBytes = 5 * 1024 * 1024;

/**
 * Sends one file to `/api/uploads` by the tus 1.0 protocol (tus-js-client): in 5 MiB chunks, retried after a dropped
 * connection from the offset the server holds, and resumed across a page reload (tus-js-client keeps the upload URL
 * under the file's fingerprint). Resolves with the upload's id; rejects with an {@link ApiError} carrying the
 * server's words (415 not a pack format, 413 too large).
 */
async function uploadOne(file: File, onProgress: (sent: number, total: number) => void): Promise<string> {
  const af = await antiforgeryToken();
  return new Promise((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: '/api/uploads',
      chunkSize: chunkBytes,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      metadata: { filename: file.name, filetype: file.type },
      headers: { [af.headerName]: af.token, 'X-Requested-With': 'XMLHttpRequest' },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onProgress(sent, total),
      onError: (error) => {
        const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } }).originalResponse;
        let detail: string | undefined;
        try {
          detail = response ? (JSON.parse(response.getBody()) as { detail?: string }).detail : undefined;
        } catch {
          detail = undefined;
        }
        reject(new ApiError(response?.getStatus() ?? 0, detail ?? `「${file.name}」上传中断，请检查网络后重试 (the upload stopped: ${error.message})`));
      },
      onSuccess: () => resolve(upload.url!.split('/').pop()!),
    });
    // A file sent before (a reload, a dropped connection) goes on from where the server stopped.
    void upload.findPreviousUploads().then((previous) => {
      if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  });
}

/**
 * Sends a material pack of one or more files to a case: each file resumably (`/api/uploads`), then the pack
 * (`POST /api/cases/{businessKey}/packs` naming the uploads, with `fields`: the process and the class data for a new
 * case). The files go one after another so the first is complete early and a slow line is not split. Rejects with an
 * {@link ApiError} carrying the problem details (400 bad class data, 409 the case waits for no pack, 413, 415).
 */
export async function submitPack(
  businessKey: string, files: File[], fields: { process?: string; class?: unknown }, onProgress: UploadProgress,
): Promise<UploadAccepted> {
  const ids: string[] = [];
  for (const [index, file] of files.entries()) ids.push(await uploadOne(file, (sent, total) => onProgress(index, sent, total)));
  const response = await request(`/api/cases/${encodeURIComponent(businessKey)}/packs`, { method: 'POST', body: { uploads: ids, ...fields } });
  return (await response.json()) as UploadAccepted;
}
