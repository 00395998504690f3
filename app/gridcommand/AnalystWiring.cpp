#include "MainWindow.h"

// Wiring of the analyst module into the main window; nothing yet.
void MainWindow::setupAnalyst() {}
