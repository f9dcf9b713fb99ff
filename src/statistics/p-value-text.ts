/** A p-value as text: two decimals, three below 0.01 (so 0.005 and 0.01 read apart), "<0.001" below that, "-" when there is none. */
export function pValueText(p: number): string {
  if (!Number.isFinite(p)) return '-';
  if (p < 0.001) return '<0.001';
  return p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}
