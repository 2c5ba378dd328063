import type { ReactNode } from 'react';

/** Labelled facts the resident checks before confirming (the new card's data, new contact details, the marriage). */
export function FactsTable({ rows, testId }: { rows: ReadonlyArray<readonly [label: string, value: ReactNode]>; testId?: string }) {
  return (
    <table className="facts-table" data-testid={testId}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} data-speak>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
