import type { ReactNode } from "react";

/** Props of {@link InputsTable}. */
export interface InputsTableProps {
  /** The template's variables: one column each. */
  variables: readonly string[];
  /** The rows of values. */
  rows: Record<string, string>[];
  /** Called with the changed rows. */
  onChange: (rows: Record<string, string>[]) => void;
}

/** The test inputs: one editable row of variable values per run. */
export function InputsTable({ variables, rows, onChange }: InputsTableProps): ReactNode {
  const update = (index: number, name: string, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [name]: value } : row)));
  return (
    <div className="prompt-lab__inputs">
      <table className="prompt-lab__table">
        <caption>Test inputs</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {variables.map((name) => (
              <th key={name} scope="col">
                {`{${name}}`}
              </th>
            ))}
            <th scope="col">
              <span className="prompt-lab__sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>{index + 1}</td>
              {variables.map((name) => (
                <td key={name}>
                  <input
                    aria-label={`Row ${index + 1} ${name}`}
                    value={row[name] ?? ""}
                    onChange={(event) => update(index, name, event.target.value)}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="colloquy-button"
                  data-variant="ghost"
                  aria-label={`Remove row ${index + 1}`}
                  disabled={rows.length === 1}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="colloquy-button" onClick={() => onChange([...rows, {}])}>
        Add row
      </button>
    </div>
  );
}
