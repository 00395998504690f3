#include "MainWindow.h"

// Wiring of the feed module into the main window; nothing yet.
void MainWindow::setupFeed() {}
