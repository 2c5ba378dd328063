/** The value after `name` on a crash-harness child's command line (`--journal PATH`); missing is a harness bug. */
export function arg(argv: string[], name: string): string {
  const i = argv.indexOf(name);
  const value = i >= 0 ? argv[i + 1] : undefined;
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}
