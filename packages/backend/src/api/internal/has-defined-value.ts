/** Whether any own property of `params` is set to something other than `undefined`. */
export function hasDefinedValue(params: object): boolean {
  return Object.values(params).some((value) => value !== undefined);
}
