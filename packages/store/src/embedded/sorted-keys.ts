/** Distinct index values of one type, kept in order so range lookups read only the slice they need. */
export class SortedKeys {
  private readonly values: Array<number | string> = [];
  private readonly keys: string[] = [];

  add(value: number | string, key: string): void {
    const at = this.lowerBound(value);
    if (this.values[at] === value) return;
    this.values.splice(at, 0, value);
    this.keys.splice(at, 0, key);
  }

  remove(value: number | string): void {
    const at = this.lowerBound(value);
    if (this.values[at] !== value) return;
    this.values.splice(at, 1);
    this.keys.splice(at, 1);
  }

  /** Keys whose value lies within the bounds (either bound may be absent). */
  *between(lower?: Bound, upper?: Bound): Generator<string> {
    let at = lower ? (lower.inclusive ? this.lowerBound(lower.value) : this.upperBound(lower.value)) : 0;
    const end = upper ? (upper.inclusive ? this.upperBound(upper.value) : this.lowerBound(upper.value)) : this.values.length;
    for (; at < end; at++) yield this.keys[at] as string;
  }

  /** First position whose value is >= the given value. */
  private lowerBound(value: number | string): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.values[mid] as number | string) < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** First position whose value is > the given value. */
  private upperBound(value: number | string): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.values[mid] as number | string) <= value) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

export interface Bound {
  value: number | string;
  inclusive: boolean;
}
