#!/usr/bin/env bash
# Cross-checks `mpytool dis` against GNU objdump on the same machine code: every native function
# of the .mpy files given (default: the native goldens), instruction by instruction at the same
# offsets, mnemonic and operands after normalising the spelling both tools may differ in (number
# bases, spaces, x86 size suffixes, Thumb .n/.w, objdump's comments and symbol names).
#   tests/compat/dis_vs_objdump.sh [-v] [FILE.mpy ...]      (MPYTOOL=path/to/mpytool)
# Prints agreement counts per architecture and the first disagreements (all of them with -v).
# Needs binutils-arm-none-eabi, binutils-riscv64-unknown-elf, binutils-xtensa-lx106 (Debian) and the
# host objdump for x86/x64.  Runs of instructions are disassembled separately, each at its own
# address, so that data the listing shows between them (literals, prelude words) cannot shift
# objdump's decoding.  Not a CTest: a report for people, as objdump itself differs by version.
set -euo pipefail
cd "$(dirname "$0")/../.."
verbose=0
if [ "${1:-}" = -v ]; then verbose=1; shift; fi
mpytool=${MPYTOOL:-build/mpytool/mpytool}
[ -x "$mpytool" ] || { echo "dis_vs_objdump: $mpytool is not built (scripts/build.sh)" >&2; exit 1; }
if (($# == 0)); then
  mapfile -t files < <(find tests/native/expected/1.28 tests/mpytool/mpy tests/unit/machine_code/data -name '*.mpy' | sort)
else
  files=("$@")
fi
for tool in objdump arm-none-eabi-objdump riscv64-unknown-elf-objdump xtensa-lx106-elf-objdump; do
  command -v "$tool" >/dev/null || { echo "dis_vs_objdump: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done
exec python3 - "$mpytool" "$verbose" "${files[@]}" <<'PY'
import collections, os, re, subprocess, sys, tempfile

mpytool, verbose, files = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]

OBJDUMP = {
    "x64": ["objdump", "-m", "i386:x86-64"],
    "x86": ["objdump", "-m", "i386"],
    "armv6": ["arm-none-eabi-objdump", "-m", "arm"],
    "xtensa": ["xtensa-lx106-elf-objdump", "-m", "xtensa"],
    "xtensawin": ["xtensa-lx106-elf-objdump", "-m", "xtensa"],
    "rv32imc": ["riscv64-unknown-elf-objdump", "-m", "riscv:rv32"],
}
for thumb in ("armv6m", "armv7m", "armv7em", "armv7emsp", "armv7emdp"):
    OBJDUMP[thumb] = ["arm-none-eabi-objdump", "-m", "arm", "-M", "force-thumb"]

ROW = re.compile(r"^ {4}\s*([0-9a-f]+):  ((?:[0-9a-f]{2} )+)\s*(.*)$")
DATA = (".word", ".short", ".byte")


def listing_functions(path):
    """(arch, [(name, [(offset, bytes, text)])]) from `mpytool dis`."""
    out = subprocess.run([mpytool, "dis", path], capture_output=True, text=True, check=True).stdout
    arch = re.search(r"arch (\w+)", out.splitlines()[0])
    functions, current, name = [], None, None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            name, current = line.split(" (")[0], None
            continue
        if line.startswith("  machine code:"):
            current = []
            functions.append((name, current))
            continue
        if current is None:
            continue
        m = ROW.match(line)
        if not m:
            if not line.startswith("  .L"):
                current = None
            continue
        offset, raw, text = int(m.group(1), 16), bytes.fromhex(m.group(2)), m.group(3)
        if text:
            current.append([offset, raw, text])
        elif current:  # a continuation row of a long instruction
            current[-1][1] += raw
    return (arch.group(1) if arch else None), functions


def objdump_run(arch, start, code):
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(code)
        f.flush()
        out = subprocess.run(OBJDUMP[arch] + ["-b", "binary", "-D", f"--adjust-vma={start:#x}", f.name],
                             capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        m = re.match(r"^\s*([0-9a-f]+):\t[0-9a-f ]+\t(.*)$", line)
        if m:
            result[int(m.group(1), 16)] = m.group(2)
    return result


def number(token):
    try:
        value = int(token, 16) if token.lower().startswith(("0x", "-0x")) else int(token)
    except ValueError:
        return token
    # objdump writes some negative immediates as their two's complement (x86's 0xffffff88).
    if value >= 1 << 63:
        value -= 1 << 64
    elif (1 << 31) <= value < 1 << 32:
        value -= 1 << 32
    return str(value)


def normalise(text, branch, from_objdump):
    text = re.sub(r"<[^>]*>", "", text)        # symbols / our labels
    text = re.sub(r"\s+[@;].*$", "", text)      # objdump's "@ 0x.." and our "; ..." comments
    text = re.sub(r"\s#\s.*$", "", text)        # riscv objdump's "# 0x.." comment
    parts = text.strip().split(None, 1)
    mnemonic = parts[0].lower() if parts else ""
    operands = parts[1] if len(parts) > 1 else ""
    mnemonic = re.sub(r"\.[nw]$", "", mnemonic)
    operands = operands.replace("#", "").replace(" ", "").lower()
    operands = {"lo": "cc", "hs": "cs"}.get(operands, operands)  # IT conditions, as above
    if branch:  # the target: bare hex in objdump, 0x.. in ours
        tokens = re.split(r"(,)", operands)
        last = tokens[-1]
        try:
            tokens[-1] = str(int(last, 16))
        except ValueError:
            pass
        operands = "".join(tokens)
    operands = re.sub(r"(?<![\w%])-?(?:0x[0-9a-f]+|\d+)", lambda m: number(m.group(0)), operands)
    operands = re.sub(r"(^|,)0\(", r"\1(", operands)  # x86 "0x0(%rbp)" is "(%rbp)"
    operands = operands.replace(",0]", "]")            # ARM "[r5, #0]" is "[r5]"
    return mnemonic, operands


def same(ours, theirs):
    (m1, o1), (m2, o2) = ours, theirs
    # Thumb aliases Capstone spells in full: "rsbs rd, rn, #0" is "negs rd, rn"; "muls rd, rn, rd"
    # is objdump's two-operand "muls rd, rn".
    if m1 == "rsbs" and o1.endswith(",0"):
        m1, o1 = "negs", o1[:-2]
    if m1 == "muls" and o1.count(",") == 2 and o1.split(",")[0] == o1.split(",")[2]:
        o1 = ",".join(o1.split(",")[:2])
    if o1 != o2:
        return False
    if m1 == m2:
        return True
    # binutils 2.40 prints RISC-V's addi, xori, slli with an immediate as add, xor, sll.
    if m1 == m2 + "i":
        return True
    # ARM condition synonyms: Capstone says lo/hs where objdump says cc/cs.
    synonyms = lambda m: re.sub(r"(lo)$", "cc", re.sub(r"(hs)$", "cs", m))
    if synonyms(m1) == synonyms(m2):
        return True
    # x86: Capstone's AT&T text always has the size suffix; objdump's only when needed.
    return len(m1) == len(m2) + 1 and m1.startswith(m2) and m1[-1] in "bwlq"


counts = collections.defaultdict(lambda: collections.Counter())
examples = []
for path in files:
    arch, functions = listing_functions(path)
    if arch not in OBJDUMP:
        continue
    for name, rows in functions:
        runs, run = [], []
        for row in rows:
            if row[2].split()[0] in DATA:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append(row)
        if run:
            runs.append(run)
        for run in runs:
            start = run[0][0]
            theirs = objdump_run(arch, start, b"".join(r[1] for r in run))
            for offset, raw, text in run:
                c = counts[arch]
                c["instructions"] += 1
                other = theirs.get(offset)
                if other is None:
                    c["objdump split differently"] += 1
                    continue
                if other.startswith((".4byte", ".2byte", ".byte", ".word", ".short", "(bad)", ".inst", ".long")) or \
                        other.strip() == "" or text.startswith("cm.") or \
                        (arch == "xtensawin" and other.startswith("excw")):
                    # binutils 2.40 predates Zcmp; Debian's only Xtensa objdump (lx106, the
                    # ESP8266 core) lacks the windowed-register option (entry, retw, callx8).
                    c["objdump cannot decode"] += 1
                    continue
                branch = "<" in text
                if same(normalise(text, branch, False), normalise(other, branch, True)):
                    c["agree"] += 1
                else:
                    c["differ"] += 1
                    examples.append(f"{arch} {os.path.basename(path)} {name} +{offset:#x} {raw.hex()}: "
                                    f"mpytool '{text.split(';')[0].strip()}'  objdump '{other.strip()}'")

total = collections.Counter()
print(f"{'arch':<10} {'instructions':>12} {'agree':>7} {'differ':>7} {'objdump-unknown':>16} {'split-diff':>10}")
for arch in sorted(counts):
    c = counts[arch]
    total.update(c)
    print(f"{arch:<10} {c['instructions']:>12} {c['agree']:>7} {c['differ']:>7} {c['objdump cannot decode']:>16} "
          f"{c['objdump split differently']:>10}")
print(f"{'all':<10} {total['instructions']:>12} {total['agree']:>7} {total['differ']:>7} "
      f"{total['objdump cannot decode']:>16} {total['objdump split differently']:>10}")
for e in examples if verbose else examples[:40]:
    print("  " + e)
PY
