import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { Page } from '#src/shared/ui/page.tsx';
import {
  importHeaderOf,
  isRequiredImportField,
  productImportFields,
  type ImportReport,
} from '#src/modules/catalogue/api/catalogue.schema.ts';
import { ImportFileForm } from '#src/modules/catalogue/ui/import-file.tsx';

const t = messages.catalogue.productImport;

/** Products added from a CSV or XLSX file, all or nothing, with the template and what each column holds. */
export function ProductImportPage() {
  return (
    <Page title={t.title} lead={t.intro}>
      <p className="actions">
        <Link to="/catalogue">{messages.catalogue.product.back}</Link>
        <a className="button" href="/api/catalogue/product-imports/template.csv" download={t.templateFile}>
          {t.template}
        </a>
      </p>
      <ImportFileForm
        id="product-import"
        title={t.title}
        keyLabel={t.product}
        send={(file) => api<ImportReport>('/api/catalogue/product-imports', { body: file })}
        doneText={(done) => t.done(done.created)}
      />
      <section aria-labelledby="product-import-columns">
        <h2 id="product-import-columns">{t.columnsTitle}</h2>
        <div className="table-scroll">
          <table>
            <caption>{t.columnsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnHeader}</th>
                <th scope="col">{t.columnFormat}</th>
                <th scope="col">{t.columnRequired}</th>
              </tr>
            </thead>
            <tbody>
              {productImportFields.map((field) => (
                <tr key={field}>
                  <th scope="row">{importHeaderOf(field)}</th>
                  <td>{t.columns[field].format}</td>
                  <td>{isRequiredImportField(field) ? t.yes : t.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}
