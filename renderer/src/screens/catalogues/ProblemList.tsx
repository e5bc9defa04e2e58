/** Problems found in an import (row or part + message), in a list that scrolls when long. */
export function ProblemList({
  title,
  items,
  tone,
}: {
  title: string;
  items: { where: string; message: string }[];
  tone: 'warning' | 'error';
}) {
  if (items.length === 0) return null;
  return (
    <section className={`problems ${tone}`} aria-label={title}>
      <h4>
        {title} ({items.length})
      </h4>
      <ul className="problem-list" tabIndex={0} aria-label={`${title}, scrollable`}>
        {items.map((p, i) => (
          <li key={i}>
            <strong>{p.where}</strong>: {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
