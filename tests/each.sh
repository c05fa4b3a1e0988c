#!/usr/bin/env bash
# each.sh SCRIPT...: runs the scripts two at a time (each is mostly one simulator process;
# their files are their own) and passes their ok / not ok lines on; a script that exits
# non-zero adds "not ok NAME: exit status N".  Used by t_blocks.sh and t_board.sh.
printf '%s\n' "$@" |
    xargs -d '\n' -P2 -n1 bash -c 'bash "$0" || echo "not ok $(basename "$0" .sh): exit status $?"'
