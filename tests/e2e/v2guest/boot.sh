# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/v2guest/boot.sh — sourced by tests/e2e/v2_guest.sh: checks what the guest
# needs (skips, saying why, without it), builds its initramfs (busybox-static, the static
# oomtop, the helpers linked statically, tests/e2e/v2guest/init, the kernel modules of a
# RAM disk with ext2), boots it under KVM when that works, else TCG, and unpacks what it
# sent into $O. Sets accel and t_guest (seconds the guest ran).

# --- what it needs
need_cmd qemu-system-x86_64
need_cmd cpio
need_cmd gzip
need_cmd readelf
readelf -lW "$OOMTOP" 2>/dev/null | grep -q INTERP &&
	skip "$OOMTOP is not a static binary (scripts/static builds one)"
BUSYBOX=$(command -v busybox) || skip "needs busybox-static (scripts/setup installs it)"
readelf -lW "$BUSYBOX" 2>/dev/null | grep -q INTERP && skip "$BUSYBOX is dynamic: needs busybox-static"
KV=""
for k in $(ls /boot/vmlinuz-* 2>/dev/null | sort -rV); do
	v=${k#/boot/vmlinuz-}
	[ -r "$k" ] && [ -f "/lib/modules/$v/modules.dep" ] && { KV=$v; break; }
done
[ -n "$KV" ] || skip "no readable kernel image /boot/vmlinuz-* with its modules (linux-image-amd64 installs one)"
[ -f "$BUILDDIR/config.h" ] || skip "no config.h in $BUILDDIR for the helper programs"
CC=${CC:-cc}
printf 'int main(void) { return 0; }\n' >"$E2E_TMP/empty.c"
$CC -static -o "$E2E_TMP/empty" "$E2E_TMP/empty.c" 2>"$E2E_TMP/cc.err" ||
	skip "$CC cannot link statically (libc6-dev has libc.a): $(head -n 2 "$E2E_TMP/cc.err")"
for h in "tests/e2e/leaker.c -lm" "tests/e2e/hog.c -lpthread" tests/e2e/v2guest/cgtruth.c \
	tests/e2e/v2guest/reader.c; do
	src=${h%% *}
	name=$(basename "$src" .c)
	# shellcheck disable=SC2086
	$CC -O2 -static -I"$BUILDDIR" -I"$SRCDIR" -o "$E2E_TMP/$name" "$SRCDIR/$src" ${h#"$src"} 2>"$E2E_TMP/cc.err" ||
		fail "cannot build $src: $(head -n 5 "$E2E_TMP/cc.err")"
done

# --- the initramfs: busybox, oomtop, the helpers, /init, the modules for a RAM disk
R="$E2E_TMP/root"
mkdir -p "$R/bin" "$R/lib/modules" "$R/proc" "$R/sys" "$R/dev" "$R/out" "$R/tmp" "$R/etc"
cp "$BUSYBOX" "$R/bin/busybox"
ln -s busybox "$R/bin/sh"
cp "$OOMTOP" "$E2E_TMP/leaker" "$E2E_TMP/hog" "$E2E_TMP/cgtruth" "$E2E_TMP/reader" "$R/bin/"
cp "$SRCDIR/tests/e2e/v2guest/init" "$R/init"
chmod 755 "$R/init"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$R/etc/passwd"
printf 'root:x:0:\n' >"$R/etc/group"
# brd (the RAM disk) and ext4 (ext2 on it), each after what it depends on (modules.dep)
M="/lib/modules/$KV"
# add_module NAME: NAME.ko and what it needs, in loading order (modules.dep lists all of
# it, the module loaded last first), uncompressed, appended to lib/modules/order
add_module() {
	line=$(grep -E "(^|/)$1\.ko(\.[a-z]+)?:" "$M/modules.dep") || return 1
	list=${line%%:*}
	for d in ${line#*:}; do list="$d $list"; done
	for f in $list; do
		b=$(basename "$f")
		out="${b%%.ko*}.ko"
		[ -e "$R/lib/modules/$out" ] && continue
		case "$f" in
		*.ko) cp "$M/$f" "$R/lib/modules/$out" ;;
		*.ko.xz) xz -dc "$M/$f" >"$R/lib/modules/$out" ;;
		*.ko.zst) zstd -qdc "$M/$f" >"$R/lib/modules/$out" ;;
		*.ko.gz) gzip -dc "$M/$f" >"$R/lib/modules/$out" ;;
		*) false ;;
		esac || return 1
		echo "$out" >>"$R/lib/modules/order"
	done
}
# a module of the kernel's, unless it is built in
for m in brd:BLK_DEV_RAM crc32c_generic:CRYPTO_CRC32C ext4:EXT4_FS; do
	grep -qx "CONFIG_${m#*:}=y" "/boot/config-$KV" 2>/dev/null && continue
	add_module "${m%:*}" || skip "kernel $KV has no ${m%:*} module (CONFIG_${m#*:})"
done
touch "$R/lib/modules/order"
(cd "$R" && find . | cpio -o -H newc --quiet | gzip -1) >"$E2E_TMP/initramfs.gz" ||
	fail "cannot pack the initramfs"

# --- boot it
accel=${V2GUEST_ACCEL:-}
if [ -z "$accel" ]; then
	accel=tcg
	[ -r /dev/kvm ] && [ -w /dev/kvm ] && accel=kvm
fi
# boot ACCEL: the guest, its console in $E2E_TMP/console, its data in $E2E_TMP/data.
# Returns 3 when KVM does not get the kernel started (nested KVM can hang in the kernel's
# decompressor, or QEMU stop at once): its first line must come within 10 s. Fails when
# the guest does not power off within its budget.
boot() {
	acc=$1
	if [ "$acc" = kvm ]; then
		# arch-capabilities: QEMU 7.2 asserts on a host that refuses the MSR
		set -- -accel kvm -cpu host,-arch-capabilities
		budget=420
	else
		set -- -accel tcg -cpu max
		budget=600
	fi
	rm -f "$E2E_TMP/console" "$E2E_TMP/data"
	qemu-system-x86_64 "$@" -nodefaults -display none -no-reboot -m 512 -smp 2 \
		-kernel "/boot/vmlinuz-$KV" -initrd "$E2E_TMP/initramfs.gz" \
		-serial "file:$E2E_TMP/console" -serial "file:$E2E_TMP/data" \
		-append "console=ttyS0 panic=-1 v2g_wait=300 v2g_after=12" \
		</dev/null >"$E2E_TMP/qemu.out" 2>&1 &
	QEMU=$!
	E2E_PIDS="$E2E_PIDS $QEMU"
	i=0
	while kill -0 "$QEMU" 2>/dev/null && [ $i -lt "$budget" ]; do
		if [ "$acc" = kvm ] && [ $i -ge 10 ] && ! grep -q 'Linux version' "$E2E_TMP/console" 2>/dev/null; then
			kill -KILL "$QEMU"
			wait "$QEMU" 2>/dev/null
			return 3
		fi
		sleep 1
		i=$((i + 1))
	done
	if [ "$acc" = kvm ] && ! kill -0 "$QEMU" 2>/dev/null &&
		! grep -q 'Linux version' "$E2E_TMP/console" 2>/dev/null; then
		wait "$QEMU" 2>/dev/null
		return 3
	fi
	if kill -0 "$QEMU" 2>/dev/null; then
		kill -KILL "$QEMU"
		wait "$QEMU" 2>/dev/null
		note "console:"
		tail -n 20 "$E2E_TMP/console" | sed 's/^/#   /'
		fail "the guest ($acc) did not finish in $budget s"
	fi
	wait "$QEMU"
}
t_boot=$(date +%s)
boot "$accel"
rc=$?
if [ $rc = 3 ]; then
	[ -n "${V2GUEST_ACCEL:-}" ] && fail "KVM does not start the kernel here"
	note "KVM does not start the kernel here ($(cat "$E2E_TMP/console" "$E2E_TMP/qemu.out" 2>/dev/null | tr '\n' ' ' | tail -c 160)): TCG instead"
	accel=tcg
	t_boot=$(date +%s)
	boot tcg
	rc=$?
fi
t_guest=$(($(date +%s) - t_boot))
note "guest ($accel) ran $t_guest s, qemu exit $rc"
grep '^v2guest: ' "$E2E_TMP/console" | sed 's/^/#   /'
mkdir -p "$O"
tr -d '\r' <"$E2E_TMP/data" | sed -n '/^@@@BEGIN$/,/^@@@END$/p' | sed '1d;$d' | base64 -d |
	tar -xzf - -C "$O" 2>"$E2E_TMP/tar.err" || {
	note "console:"
	tail -n 30 "$E2E_TMP/console" | sed 's/^/#   /'
	fail "no data from the guest: $(cat "$E2E_TMP/tar.err")"
}
