// Reads GIFT text on stdin and prints what gift-pegjs 1.0.2 parses from it as JSON.
// A syntax error is printed to stderr with its line and column (exit 1).
const { parse } = require("./node_modules/gift-pegjs");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    process.stdout.write(JSON.stringify(parse(text)));
  } catch (error) {
    const where = error.location ? `${error.location.start.line}:${error.location.start.column}: ` : "";
    process.stderr.write(`${where}${error.message}\n`);
    process.exitCode = 1;
  }
});
