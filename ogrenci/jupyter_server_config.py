"""Student mode (scripts/ogrenci.sh puts this folder first on JUPYTER_CONFIG_PATH; plain `jupyter lab`
never reads it). nbgrader's student parts stay (assignment list, the notebook's Validate button);
the instructor's formgrader and course list are switched off. labconfig/page_config.json hides their
JupyterLab plugins and the Create Assignment panel; custom/custom.css makes Validate results wrap."""

import os

c = get_config()  # noqa: F821 - provided by traitlets

c.ServerApp.jpserver_extensions.update({
    "nbgrader.server_extensions.formgrader": False,
    "nbgrader.server_extensions.course_list": False,
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.validate_assignment": True,
})

# JupyterLab serves <static_custom_path>/custom.css as /custom/custom.css when custom_css is on.
# That path is normally ~/.jupyter/custom only (not configurable), so point the server's setting here.
c.LabApp.custom_css = True
c.ServerApp.tornado_settings.update({
    "static_custom_path": [os.path.join(os.path.dirname(os.path.abspath(__file__)), "custom")],
})
