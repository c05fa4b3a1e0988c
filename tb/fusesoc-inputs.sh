#!/bin/sh
# The pre_build hook of nicrx.core's sim target: makes the simulation's generated
# inputs (the default parser program as C and as the RTL's reset image) and puts
# the image and the default capture in the work root, where the simulation runs.
set -e
make -s -C "$FILES_ROOT" build/gen/default_prog.c build/microcode/default_64.hex
cp "$FILES_ROOT/build/microcode/default_64.hex" "$FILES_ROOT/captures/default.pcap" .
