import { useMemo, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { checkResponse, compileDefinition, type FormDefinition } from '#src/modules/forms/api/form.schema.ts';
import { FormRenderer, type Draft } from '#src/modules/forms/ui/form-renderer.tsx';

const b = messages.forms.builder;

/**
 * The draft as a person filling it would see it, with the very renderer and checks of a real
 * response, so the admin can try conditions and calculations before publishing. Answers stay
 * in this panel only; they are kept while the draft changes so a condition can be tried again.
 */
export function TemplatePreview({ definition, issueCount }: { definition: FormDefinition; issueCount: number }) {
  const [answers, setAnswers] = useState<Draft>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  // Only a draft that compiles can be evaluated: the last one is kept in view while the admin fixes an error.
  const [shown, setShown] = useState(definition);
  if (issueCount === 0 && shown !== definition) setShown(definition);
  const compiled = useMemo(() => compileDefinition(shown).compiled, [shown]);
  const check = checkResponse(compiled, answers, { today: parisDay(new Date()), submitting: false });
  const errors = new Map(check.issues.filter((i) => touched.has(i.path)).map((i) => [i.path, i.message]));
  const stale = issueCount > 0;
  return (
    <section className="builder-preview" aria-labelledby="builder-preview-title" tabIndex={0}>
      <h2 id="builder-preview-title">{b.previewTitle}</h2>
      <p className="field__hint">{b.previewLead}</p>
      {stale && <p className="alert alert--info">{b.previewStale(issueCount)}</p>}
      {shown.sections.length === 0 ? (
        <p>{b.previewEmpty}</p>
      ) : (
        <div className={stale ? 'builder-preview__body builder-preview__body--stale' : 'builder-preview__body'}>
          <FormRenderer
            definition={shown}
            draft={answers}
            onChange={(next, path) => {
              setAnswers(next);
              if (!touched.has(path)) setTouched(new Set(touched).add(path));
            }}
            visible={check.visible}
            computed={check.answers}
            errors={errors}
          />
          <button
            type="button"
            className="button"
            onClick={() => {
              setAnswers({});
              setTouched(new Set());
            }}
          >
            {b.previewReset}
          </button>
        </div>
      )}
    </section>
  );
}
