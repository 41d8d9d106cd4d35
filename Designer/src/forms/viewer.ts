import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import type { FormSchema } from './api';

/** A rendered task form: its current data, or the fields' errors after `submit()`. */
export interface RenderedForm {
  /** Validates every field; `errors` maps field ids to messages (empty when the data may be sent). */
  submit(): { data: Record<string, unknown>; errors: Record<string, string[]> };
  destroy(): void;
}

/**
 * Renders a form-js schema into <container> with <data> (the case's variables: fields prefilled, `{{…}}` in texts
 * filled in). Loaded only by the pages that show a form (the task page), so form-js stays out of the others.
 */
export async function renderForm(container: HTMLElement, schema: FormSchema, data: Record<string, unknown>): Promise<RenderedForm> {
  const form = new Form({ container });
  await form.importSchema(schema, data);
  return {
    submit: () => form.submit() as { data: Record<string, unknown>; errors: Record<string, string[]> },
    destroy: () => form.destroy(),
  };
}
