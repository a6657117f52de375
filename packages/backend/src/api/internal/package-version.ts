/** Version of `@latchkey/backend`, sent in `User-Agent`. A test keeps it equal to package.json. */
export const PACKAGE_VERSION = "0.1.0";
