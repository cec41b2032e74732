import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { formatDate } from '#src/shared/ui/page.tsx';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  settableUnitStatuses,
  unitTypologies,
  type Residence,
  type ResidenceUnit,
} from '#src/modules/residences/api/residence.schema.ts';

const t = messages.residences;
type Saved = (notice: string) => void;

const typologyOptions = unitTypologies.map((v) => ({ value: v, label: t.typologies[v] ?? v }));
const statusOptions = settableUnitStatuses.map((v) => ({ value: v, label: t.unitStatus[v] ?? v }));
const text = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));
const unitLabels = { number: t.unitNumber, typology: t.typology, surfaceM2: t.surface, rent: t.rent, status: t.status };

/** Adds a unit, or changes one; an occupied unit's status is not offered (it changes with the move out). */
function UnitForm({ residence, unit, onSaved }: { residence: Residence; unit?: ResidenceUnit; onSaved: Saved }) {
  const occupied = unit?.status === 'occupied';
  const form = useForm({
    initial: {
      number: unit?.number ?? '',
      typology: unit?.typology ?? 'T1',
      surfaceM2: text(unit?.surfaceM2 ?? null),
      rent: text(unit?.rent ?? null),
      status: occupied ? '' : (unit?.status ?? 'vacant'),
    },
    submit: async ({ status, ...values }) => {
      const body = occupied ? values : { ...values, status };
      if (unit) {
        await api(`/api/residences/${residence.id}/units/${unit.id}`, { method: 'PUT', body });
        onSaved(t.unitSaved);
      } else {
        await api(`/api/residences/${residence.id}/units`, { body });
        for (const name of ['number', 'surfaceM2', 'rent'] as const) form.setValue(name, '');
        onSaved(t.unitAdded);
      }
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={unitLabels} />
      <TextField form={form} name="number" label={t.unitNumber} maxLength={20} required />
      <SelectField form={form} name="typology" label={t.typology} options={typologyOptions} required />
      <TextField form={form} name="surfaceM2" label={t.surface} maxLength={6} />
      <TextField form={form} name="rent" label={t.rent} maxLength={8} />
      {!occupied && <SelectField form={form} name="status" label={t.status} options={statusOptions} required />}
      <SubmitButton submitting={form.submitting}>{unit ? t.saveUnit : t.addUnit}</SubmitButton>
    </form>
  );
}

function MoveOutForm({ residence, unit, onSaved }: { residence: Residence; unit: ResidenceUnit; onSaved: Saved }) {
  const form = useForm({
    initial: { movedOutOn: parisDay(new Date()) },
    submit: async (values) => {
      await api(`/api/residences/${residence.id}/units/${unit.id}/move-out`, { body: values });
      onSaved(t.movedOut);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{ movedOutOn: t.movedOutOn }} />
      <TextField form={form} name="movedOutOn" label={t.movedOutOn} type="date" required />
      <SubmitButton submitting={form.submitting}>{t.recordMoveOut}</SubmitButton>
    </form>
  );
}

function occupantCell(unit: ResidenceUnit) {
  if (unit.occupant) return unit.occupant.person?.name ?? t.hiddenPerson;
  return unit.lastMovedOutOn ? t.vacantSince(formatDate(unit.lastMovedOutOn)) : '—';
}

/** The units with their occupants; managers change a unit or record a move out from its row. */
export function UnitsSection({ residence, onSaved }: { residence: Residence; onSaved: Saved }) {
  return (
    <section aria-labelledby="residence-units">
      <h2 id="residence-units">{t.units}</h2>
      <p>{t.occupancy(residence.occupiedCount, residence.units.length, residence.occupancyRate)}</p>
      {residence.units.length === 0 ? (
        <p>{t.noUnits}</p>
      ) : (
        <div className="table-scroll">
          <table className="residence-units">
            <caption>{t.unitsCaption(residence.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.unitColumns.number}</th>
                <th scope="col">{t.unitColumns.typology}</th>
                <th scope="col">{t.unitColumns.surface}</th>
                <th scope="col">{t.unitColumns.rent}</th>
                <th scope="col">{t.unitColumns.status}</th>
                <th scope="col">{t.unitColumns.occupant}</th>
                <th scope="col">{t.unitColumns.since}</th>
                {residence.canManage && <th scope="col">{t.unitColumns.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {residence.units.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.number}</th>
                  <td>{t.typologies[u.typology] ?? u.typology}</td>
                  <td>{u.surfaceM2 === null ? '—' : t.surfaceValue(u.surfaceM2)}</td>
                  <td>{u.rent === null ? '—' : t.euros(u.rent)}</td>
                  <td>{t.unitStatus[u.status] ?? u.status}</td>
                  <td>{occupantCell(u)}</td>
                  <td>{u.occupant ? formatDate(u.occupant.movedInOn) : '—'}</td>
                  {residence.canManage && (
                    <td>
                      <details>
                        <summary>{t.editUnit(u.number)}</summary>
                        <UnitForm residence={residence} unit={u} onSaved={onSaved} />
                      </details>
                      {u.occupant && (
                        <details>
                          <summary>{t.moveOut(u.number)}</summary>
                          <MoveOutForm residence={residence} unit={u} onSaved={onSaved} />
                        </details>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {residence.canManage && (
        <details className="panel">
          <summary>{t.addUnit}</summary>
          <UnitForm residence={residence} onSaved={onSaved} />
        </details>
      )}
    </section>
  );
}
