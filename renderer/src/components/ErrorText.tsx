export function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p className="error-text" role="alert">
      {error}
    </p>
  ) : null;
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
