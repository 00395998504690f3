#pragma once
// Every device connection holds a file descriptor, and the usual soft limit (1,024 on Debian) is
// far below a county's 20,000 phones; the hard limit an administrator set is the real bound.

namespace gc::feed {

// Raises this process's soft limit on open files to its hard limit; returns the limit in force.
int raiseOpenFileLimit();

} // namespace gc::feed
