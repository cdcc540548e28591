/** The page's main area, the same in the shell and on the error page that replaces it. */
export const MAIN_CLASS = "mx-auto max-w-6xl px-4 py-8";
