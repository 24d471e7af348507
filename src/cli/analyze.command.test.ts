import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeOnWorkers } from "./analyze.command.ts";
import { analyzeFile, type EncodedFile, renderFile } from "./analyze-file.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "alliance.js");
const FIXTURES = path.join(ROOT, "test", "fixtures", "transcripts");
const fixture = (name: string) => path.join(FIXTURES, name);

function alliance(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("alliance analyze", () => {
  it("prints one JSON object for one file, with the documented fields", () => {
    const { code, stdout } = alliance(["analyze", fixture("zoom.vtt"), "--coach", "Maya Okafor", "--json"]);
    expect(code).toBe(0);
    const analysis = JSON.parse(stdout) as Record<string, unknown> & {
      utterances: Array<Record<string, unknown>>;
      speakers: Array<Record<string, unknown>>;
    };
    expect(Object.keys(analysis)).toEqual(
      expect.arrayContaining([
        "file",
        "format",
        "speakers",
        "utterances",
        "metrics",
        "circumplex",
        "sequences",
        "flags",
      ]),
    );
    expect(analysis.format).toBe("vtt");
    expect(analysis.speakers.map((s) => [s.name, s.role])).toEqual([
      ["Maya Okafor", "coach"],
      ["Daniel Ruiz", "coachee"],
    ]);
    expect(analysis.utterances).toHaveLength(4);
    expect(Object.keys(analysis.utterances[0] ?? {})).toEqual([
      "index",
      "speaker",
      "role",
      "start",
      "end",
      "text",
      "codes",
      "primary",
      "dominance",
      "friendliness",
    ]);
  });

  it("prints JSON lines for several files, in the order given, and a readable report without --json", () => {
    const files = [fixture("session.srt"), fixture("teams.vtt"), fixture("session.txt")];
    const { code, stdout } = alliance(["analyze", ...files, "--json"]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { file: string });
    expect(lines.map((l) => l.file)).toEqual(files);
    const readable = alliance(["analyze", fixture("session.txt"), "--coach", "Maya"]);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain("coach   Maya:");
    expect(readable.stdout).toContain("reflections per question");
  });

  it("exits 2 naming the file and line of a parse error, an unknown coach or a bad format", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "alliance-analyze-"));
    const broken = path.join(dir, "broken.vtt");
    writeFileSync(
      broken,
      "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: Hi\n\n00:00:03.000 --> soon\nDaniel: Hello\n",
    );
    const parseError = alliance(["analyze", broken]);
    expect(parseError.code).toBe(2);
    expect(parseError.stderr).toContain(`${broken}, line 6:`);
    const coach = alliance(["analyze", fixture("session.txt"), "--coach", "Sam"]);
    expect(coach.code).toBe(2);
    expect(coach.stderr).toContain('No speaker is named "Sam"');
    const format = alliance(["analyze", fixture("session.txt"), "--format", "docx"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of");
  });

  it("writes FILE.analysis.json per file with --out", () => {
    const out = mkdtempSync(path.join(tmpdir(), "alliance-analyze-out-"));
    expect(alliance(["analyze", fixture("otter.txt"), "--out", out, "--coach", "Maya Okafor"]).code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(out, "otter.txt.analysis.json"), "utf8")) as {
      format: string;
    };
    expect(written.format).toBe("otter");
  });

  it("on many files, prints every JSON line in order, writes --out files without clashes and names the failures", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "alliance-analyze-failures-"));
    const out = mkdtempSync(path.join(tmpdir(), "alliance-analyze-failures-out-"));
    const files = Array.from({ length: 9 }, (_, i) => {
      const folder = path.join(dir, String(i));
      mkdirSync(folder);
      const file = path.join(folder, "session.txt");
      if (i === 3 || i === 7) writeFileSync(file, "");
      else copyFileSync(fixture("session.txt"), file);
      return file;
    });
    const { code, stdout, stderr } = alliance([
      "analyze",
      ...files,
      "--json",
      "--out",
      out,
      "--coach",
      "Maya",
    ]);
    expect(code).toBe(2);
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { file: string; error?: unknown });
    expect(lines.map((line) => line.file)).toEqual(files);
    expect(lines.filter((line) => line.error !== undefined).map((line) => line.file)).toEqual([
      files[3],
      files[7],
    ]);
    expect(stderr).toContain(`2 of 9 files could not be analysed (first: ${files[3]}`);
    expect(readdirSync(out).sort()).toEqual([
      "session.txt-2.analysis.json",
      "session.txt-3.analysis.json",
      "session.txt-4.analysis.json",
      "session.txt-5.analysis.json",
      "session.txt-6.analysis.json",
      "session.txt-7.analysis.json",
      "session.txt.analysis.json",
    ]);
  });

  it("ends quietly with exit code 0 when the reader of its output goes away", () => {
    const files = Array.from({ length: 12 }, () => fixture("session.txt"));
    const piped = spawnSync(
      "bash",
      [
        "-c",
        `"$0" "$1" analyze --json "$@" | head -c 10 > /dev/null; exit "\${PIPESTATUS[0]}"`,
        process.execPath,
        BIN,
        ...files,
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe("");
  });

  it("reports a failure to write --out files in one line and stops", () => {
    const out = mkdtempSync(path.join(tmpdir(), "alliance-analyze-blocked-"));
    const files = Array.from({ length: 10 }, (_, i) => {
      const copy = path.join(mkdtempSync(path.join(tmpdir(), "alliance-analyze-src-")), `s${i}.txt`);
      copyFileSync(fixture("session.txt"), copy);
      return copy;
    });
    // A folder where the fourth file's analysis should be written.
    mkdirSync(path.join(out, "s3.txt.analysis.json"));
    const { code, stderr } = alliance(["analyze", ...files, "--json", "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^alliance: EISDIR/);
    expect(stderr).not.toContain("    at ");
  });

  it("stops every thread and rejects when writing a result fails", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "alliance-analyze-stop-"));
    const files = Array.from({ length: 200 }, (_, i) => {
      const copy = path.join(dir, `${i}.txt`);
      copyFileSync(fixture("session.txt"), copy);
      return copy;
    });
    let written = 0;
    const run = analyzeOnWorkers(files, {}, 2, {
      onFile: (_result, index) => {
        if (index === 20) throw new Error("disk full");
        written += 1;
      },
    });
    await expect(run).rejects.toThrow("disk full");
    expect(written).toBe(20);
  });

  it("gives the same results on worker threads as in one thread, in the order given", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "alliance-analyze-many-"));
    const names = ["zoom.vtt", "teams.vtt", "session.srt", "session.txt", "whisperx.json", "assemblyai.json"];
    const files = Array.from({ length: 44 }, (_, i) => {
      const name = names[i % names.length] ?? "zoom.vtt";
      const copy = path.join(dir, `${i}-${name}`);
      copyFileSync(fixture(name), copy);
      return copy;
    });
    const progress: number[] = [];
    const order: number[] = [];
    const threaded: EncodedFile[] = [];
    const renderings = { readable: false, pretty: true };
    await analyzeOnWorkers(files, {}, 2, {
      renderings,
      onFile: (result, index) => {
        order.push(index);
        threaded.push(result);
      },
      progress: (done) => progress.push(done),
    });
    expect(order).toEqual(files.map((_, i) => i));
    const text = new TextDecoder();
    expect(
      threaded.map((result) => ({
        line: text.decode(result.line),
        failure: result.failure,
        pretty: result.pretty && text.decode(result.pretty),
      })),
    ).toEqual(files.map((file) => renderFile(file, {}, renderings)));
    expect(threaded.map((result) => JSON.parse(text.decode(result.line)))).toEqual(
      files.map((file) => analyzeFile(file, {})),
    );
    const readable = renderFile(files[0] ?? "", {}, { readable: true, pretty: false });
    expect(readable.line).toContain("reflections per question");
    // Progress comes per batch: five of 8 files and one of 4, in whichever order the threads finish them
    // (a worker holds two batches at a time).
    expect(progress).toHaveLength(6);
    expect(progress.every((done, i) => i === 0 || done > (progress[i - 1] ?? 0))).toBe(true);
    expect(progress.at(-1)).toBe(44);
  });
});
