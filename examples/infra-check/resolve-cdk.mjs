// A module resolution hook: resolve aws-cdk-lib and constructs as if imported from here.
const here = import.meta.url;

export async function resolve(specifier, context, next) {
  if (/^(aws-cdk-lib|constructs)(\/|$)/.test(specifier)) return next(specifier, { ...context, parentURL: here });
  return next(specifier, context);
}
