#include "MainWindow.h"

// Wiring of the map module into the main window; nothing yet.
void MainWindow::setupMap() {}
