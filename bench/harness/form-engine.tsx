import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  checkResponse,
  compileDefinition,
  type Answers,
  type FormDefinition,
} from '#src/modules/forms/api/form.schema.ts';
import { FormRenderer } from '#src/modules/forms/ui/form-renderer.tsx';

/**
 * What the response page does on every keystroke, in the browser: check the whole response with
 * the engine, then render every question with the result. Returns one duration per change (ms).
 */
function measure(definition: FormDefinition, answers: Answers, changes: number, changed: string): number[] {
  const compiled = compileDefinition(definition).compiled;
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const root = createRoot(container);
  const durations: number[] = [];
  for (let i = 0; i <= changes; i++) {
    const draft = { ...answers, [changed]: `réponse ${i}` };
    const started = performance.now();
    const check = checkResponse(compiled, draft, { today: '2026-11-29', submitting: true });
    flushSync(() =>
      root.render(
        <FormRenderer
          definition={definition}
          draft={draft}
          onChange={() => undefined}
          visible={check.visible}
          computed={check.answers}
          errors={new Map(check.issues.map((issue) => [issue.path, issue.message]))}
        />,
      ),
    );
    // The first pass mounts the form; the budget is about each change after it.
    if (i > 0) durations.push(performance.now() - started);
  }
  root.unmount();
  return durations;
}

(window as unknown as { measureForm: typeof measure }).measureForm = measure;
