import { use, useEffect, useRef, useState, type PointerEvent } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  AttachmentIoContext,
  newAttachmentId,
  uploadError,
  type AttachmentFieldProps,
} from '#src/modules/forms/ui/attachment-io.ts';

const t = messages.forms.attachments;
const s = t.signature;

const WIDTH = 600;
const HEIGHT = 200;

function blank(canvas: HTMLCanvasElement) {
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return context;
}

const pngOf = (canvas: HTMLCanvasElement) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'),
  );

/**
 * Consent captured on the device: the consent text is the question's label and help. The person
 * draws on the canvas (pointer: finger, stylus, mouse) or, with a keyboard, types their name and
 * ticks the consent box; both end as a PNG drawn by the same canvas and stored as the answer.
 */
export function SignatureField({
  question: q,
  id,
  label,
  extra,
  describedBy,
  invalid,
  value,
  onChange,
}: AttachmentFieldProps) {
  const io = use(AttachmentIoContext);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [inked, setInked] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [consented, setConsented] = useState(false);
  const [problems, setProblems] = useState<{ draw?: string; name?: string; consent?: string; upload?: string }>({});
  const [busy, setBusy] = useState(false);
  const replaceButton = useRef<HTMLButtonElement>(null);

  // A fresh, white pad each time the capture is shown (first time, or after "sign again").
  useEffect(() => {
    if (!value && canvas.current) blank(canvas.current);
  }, [value]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - box.left) * WIDTH) / box.width, ((e.clientY - box.top) * HEIGHT) / box.height] as const;
  };
  const start = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!io || busy) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const context = e.currentTarget.getContext('2d')!;
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111111';
    context.beginPath();
    context.moveTo(...point(e));
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = e.currentTarget.getContext('2d')!;
    context.lineTo(...point(e));
    context.stroke();
    if (!inked) setInked(true);
  };
  const end = () => {
    drawing.current = false;
  };
  const clear = () => {
    if (canvas.current) blank(canvas.current);
    setInked(false);
    setProblems({});
  };

  const store = async () => {
    setBusy(true);
    try {
      const stored = await io!.upload(await pngOf(canvas.current!), {
        id: newAttachmentId(),
        kind: 'signature',
        name: 'signature.png',
      });
      setProblems({});
      onChange(stored.id);
      requestAnimationFrame(() => replaceButton.current?.focus());
    } catch (error) {
      setProblems({ upload: uploadError(error) });
    } finally {
      setBusy(false);
    }
  };

  const saveDrawing = () => {
    if (!inked) return setProblems({ draw: s.nothingDrawn });
    void store();
  };

  const saveTyped = () => {
    const name = typedName.trim();
    const found = { name: name ? undefined : s.nameRequired, consent: consented ? undefined : s.consentRequired };
    if (found.name || found.consent) return setProblems(found);
    // The typed consent is drawn by the same canvas, so both ways give the same kind of image.
    const context = blank(canvas.current!);
    context.fillStyle = '#111111';
    context.textAlign = 'center';
    context.font = 'italic 40px serif';
    context.fillText(name, WIDTH / 2, 95, WIDTH - 40);
    context.font = '18px sans-serif';
    context.fillText(s.typedImage(name), WIDTH / 2, 150, WIDTH - 40);
    void store();
  };

  const errorOf = (key: keyof typeof problems) =>
    problems[key] && (
      <p className="field__error" id={`${id}-${key}-error`}>
        {problems[key]}
      </p>
    );
  const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <fieldset
      className={invalid || problems.upload ? 'field field--error signature' : 'field signature'}
      id={id}
      tabIndex={-1}
      aria-describedby={described(describedBy, problems.upload && `${id}-upload-error`)}
    >
      <legend>{label}</legend>
      {extra}
      {errorOf('upload')}
      {value && io ? (
        <div className="attachment-current">
          <img className="signature-image" src={io.urlOf(value)} alt={s.signedImageAlt(q.label)} />
          <p role="status">{s.saved}</p>
          <button type="button" className="button" ref={replaceButton} onClick={() => onChange(null)}>
            {s.replace}
          </button>
        </div>
      ) : (
        <>
          <p className="signature__intro">{s.consentIntro}</p>
          <fieldset className="signature__way">
            <legend>{s.drawLegend}</legend>
            <p className="field__hint" id={`${id}-draw-help`}>
              {s.drawHelp}
            </p>
            {errorOf('draw')}
            <canvas
              ref={canvas}
              width={WIDTH}
              height={HEIGHT}
              className="signature__pad"
              role="img"
              aria-label={s.canvasLabel}
              aria-describedby={described(`${id}-draw-help`, problems.draw && `${id}-draw-error`)}
              onPointerDown={start}
              onPointerMove={move}
              onPointerUp={end}
              onPointerCancel={end}
            />
            <div className="signature__actions">
              <button type="button" className="button" onClick={clear} disabled={!io || busy}>
                {s.clear}
              </button>
              <button type="button" className="button" onClick={saveDrawing} disabled={!io || busy}>
                {s.signDrawn}
              </button>
            </div>
          </fieldset>
          <fieldset className="signature__way">
            <legend>{s.typedLegend}</legend>
            <div className={problems.name ? 'field field--error' : 'field'}>
              <label htmlFor={`${id}-name`}>{s.typedName}</label>
              {errorOf('name')}
              <input
                id={`${id}-name`}
                type="text"
                autoComplete="off"
                value={typedName}
                disabled={!io || busy}
                aria-invalid={problems.name ? true : undefined}
                aria-describedby={problems.name ? `${id}-name-error` : undefined}
                onChange={(e) => setTypedName(e.target.value)}
              />
            </div>
            {errorOf('consent')}
            <div className="checkbox">
              <input
                id={`${id}-consent`}
                type="checkbox"
                checked={consented}
                disabled={!io || busy}
                aria-invalid={problems.consent ? true : undefined}
                aria-describedby={problems.consent ? `${id}-consent-error` : undefined}
                onChange={(e) => setConsented(e.target.checked)}
              />
              <label htmlFor={`${id}-consent`}>{s.consent}</label>
            </div>
            <button type="button" className="button" onClick={saveTyped} disabled={!io || busy}>
              {s.signTyped}
            </button>
          </fieldset>
        </>
      )}
      <p role="status" className="attachment-status">
        {busy ? t.uploading : null}
      </p>
    </fieldset>
  );
}
