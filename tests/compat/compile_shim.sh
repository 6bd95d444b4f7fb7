# Sourced by the run-tests.py wrappers in this folder (not run on its own).
#
# write_compile_shim SHIM MPYC FAILURES: writes an executable SHIM that run-tests.py can use as
# MICROPY_MPYCROSS.  run-tests.py aborts the whole run when the compiler fails on one file, so
# when MPYC rejects a file the shim appends "FILE (exit N): last error line" to FAILURES, writes a
# deliberately invalid .mpy (the test then fails with "incompatible .mpy file") and succeeds.
# Nothing is ever compiled by anything but MPYC.
write_compile_shim() {
    local shim=$1 mpyc=$2 failures=$3
    cat > "$shim" <<SHIM
#!/usr/bin/env bash
out=""; prev=""
for a in "\$@"; do [ "\$prev" = "-o" ] && out=\$a; prev=\$a; done
"$mpyc" "\$@" 2>"\$out.err" && { rm -f "\$out.err"; exit 0; }
status=\$?
echo "\${@: -1} (exit \$status): \$(tail -n 1 "\$out.err")" >> "$failures"
rm -f "\$out.err"
[ -n "\$out" ] && printf 'not an .mpy: the compiler rejected the source\\n' > "\$out"
exit 0
SHIM
    chmod +x "$shim"
}
