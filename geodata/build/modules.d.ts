// The build-time packages live in geodata/build/node_modules, which the app's own `npm ci` does not
// install; these declarations let the type check run without them.
declare module 'mapshaper' {
  const mapshaper: {
    applyCommands(commands: string, input: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
