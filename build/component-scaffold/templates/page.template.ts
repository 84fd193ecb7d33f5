import type { ComponentNames } from '../component-names';

/** ui/<Pascal>ListPage.tsx: pure, built from the UI kit, no CSS of its own. */
export function pageTemplate(n: ComponentNames): string {
  return `import { Button, Card, CsrfField, type DisplayDate, ErrorSummary, PageHeader, TextAreaField, TextField } from '../../../surface';
import { ITEM_LIMITS, type ItemForm } from '../item-form';

/** One item of the list, as the page shows it. */
export interface ListItem {
  id: string;
  name: string;
  notes: string | null;
  createdAt: DisplayDate;
}

export interface ${n.pageComponent}Props {
  items: ListItem[];
  form: ItemForm;
}

export function ${n.pageComponent}({ items, form }: ${n.pageComponent}Props) {
  const { values, errors } = form;
  return (
    <>
      <PageHeader title="${n.title}" lead="Add an item with the form; the newest come first." />
      <Card id="add-item" title="Add an item" as="section">
        <form method="post" action="${n.path}">
          <ErrorSummary errors={errors} />
          <CsrfField />
          <TextField name="name" label="Name" required maxLength={ITEM_LIMITS.name} defaultValue={values.name} error={errors.name} />
          <TextAreaField
            name="notes"
            label="Notes (optional)"
            hint={\`Up to \${ITEM_LIMITS.notes.toLocaleString('en-US')} characters.\`}
            maxLength={ITEM_LIMITS.notes}
            defaultValue={values.notes}
            error={errors.notes}
          />
          <Button>Add item</Button>
        </form>
      </Card>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items</h2>
        {items.length === 0 ? (
          <p>No items yet. Add the first one with the form above.</p>
        ) : (
          items.map((item) => (
            <Card
              key={item.id}
              id={\`item-\${item.id}\`}
              title={item.name}
              headingLevel={3}
              meta={<time dateTime={item.createdAt.iso}>{item.createdAt.text}</time>}
            >
              {item.notes ? <p>{item.notes}</p> : null}
            </Card>
          ))
        )}
      </section>
    </>
  );
}
`;
}

/** ui/<Pascal>Page.tsx of a component without data. */
export function simplePageTemplate(n: ComponentNames): string {
  return `import { Card, PageHeader } from '../../../surface';

export interface ${n.pageComponent}Props {
  title: string;
  lead: string;
  nextSteps: string[];
}

export function ${n.pageComponent}({ title, lead, nextSteps }: ${n.pageComponent}Props) {
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <Card id="next-steps" title="Next steps">
        <ol>
          {nextSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </Card>
    </>
  );
}
`;
}
