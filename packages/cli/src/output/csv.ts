/** CSV lines (RFC 4180 quoting, LF line ends): fields quoted when they hold a comma, quote or line break. */

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\n`;
}
