#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The shell completions (contrib/completion/, as make wrote them) offer what oomtop
# accepts: every long option of --help and nothing else, the sort keys --help lists, the
# formats. bash with and without the bash-completion framework; zsh by syntax and option
# list when zsh is installed.
: "${SRCDIR:?run through make check}" "${BUILDDIR:=.}" "${OOMTOP:?}"
bashc="$BUILDDIR/contrib/completion/oomtop"
zshc="$BUILDDIR/contrib/completion/_oomtop"
[ -s "$bashc" ] && [ -s "$zshc" ] || { echo "FAIL: completions not made (make all)"; exit 1; }
command -v bash >/dev/null 2>&1 || { echo "SKIP: no bash"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$OOMTOP" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/help-long"
keys=$("$OOMTOP" --help | sed -n '/--sort=KEY/,/--pid/p' | sed 's/.*--sort=KEY//; /--pid/d' |
	tr ',' '\n' | sed 's/(default)//; s/^ *//; s/ *$//' | grep . | sort | tr '\n' ' ')

# complete LINE (the word being completed is the last, possibly empty) with framework 0/1
complete_words() {
	fw=$1 line=$2
	bash -c '
		fw=$1 line=$2 comp=$3
		if [ "$fw" = 1 ]; then
			. /usr/share/bash-completion/bash_completion || exit 3
		fi
		. "$comp"
		COMP_LINE=$line COMP_POINT=${#line}
		read -r -a COMP_WORDS <<<"$line"
		[ "${line% }" != "$line" ] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_oomtop oomtop "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' sh "$fw" "$line" "$bashc"
}

for fw in 0 1; do
	if [ $fw = 1 ] && [ ! -r /usr/share/bash-completion/bash_completion ]; then
		echo "# no bash-completion framework here: completion checked without it only"
		continue
	fi
	complete_words $fw "oomtop --" | sed 's/=$//' | sort -u >"$tmp/offered"
	if ! diff -u "$tmp/help-long" "$tmp/offered" >"$tmp/diff"; then
		bad "bash (framework $fw): long options differ from --help: $(cat "$tmp/diff")"
	fi
	got=$(complete_words $fw "oomtop -s " | sort | tr '\n' ' ')
	[ "$got" = "$keys" ] || bad "bash (framework $fw): -s offers '$got', --help lists '$keys'"
	got=$(complete_words $fw "oomtop -b --format " | sort | tr '\n' ' ')
	[ "$got" = "json prometheus text " ] || bad "bash (framework $fw): --format offers '$got'"
	got=$(complete_words $fw "oomtop --so" | tr '\n' ' ')
	[ "$got" = "--sort= " ] || bad "bash (framework $fw): --so completes to '$got'"
done
got=$(complete_words 1 "oomtop --format=js" 2>/dev/null | tr '\n' ' ')
[ ! -r /usr/share/bash-completion/bash_completion ] || [ "$got" = "json " ] || bad "bash: --format=js completes to '$got'"

if command -v zsh >/dev/null 2>&1; then
	zsh -n "$zshc" || bad "zsh: $zshc does not parse"
	for o in $(cat "$tmp/help-long"); do
		grep -q -- "'$o\\|$o[=[]\\|,$o" "$zshc" || grep -q -- "{[^}]*$o" "$zshc" || bad "zsh: $o is not offered"
	done
else
	echo "# no zsh here: _oomtop not parsed"
fi
[ $fail = 0 ] || exit 1
echo "PASS: bash completion offers the $(wc -l <"$tmp/help-long") long options of --help, the sort keys and formats; zsh's parses and names them"
