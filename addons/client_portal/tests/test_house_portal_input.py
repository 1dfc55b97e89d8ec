# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from odoo.tests import tagged

from .common_house import PDF, PNG, HouseCase


@tagged("post_install", "-at_install")
class TestComplaintBadInput(HouseCase):
    """What a client may send wrong: a clear message or a 4xx, nothing written."""

    def setUp(self):
        super().setUp()
        self._as(self.portal_a)

    def _form(self, **values):
        form = {
            "project_id": self.house_a.id,
            "category_id": self.category.id,
            "name": "Volet roulant bloqué",
            "description": "Le volet de la chambre ne descend plus.",
            "request_key": uuid.uuid4().hex,
            "csrf_token": self._csrf(),
        }
        form.update(values)
        return form

    def _file(self, form, files=None):
        return self.url_open(
            "/my/complaints/new", data=form, files=files or {}, allow_redirects=False
        )

    def _counts(self):
        return self._complaint_count(), self._attachment_count()

    def assertNothingWritten(self, response, status, before):
        self.assertEqual(response.status_code, status)
        self.assertNotIn("Traceback", response.text)
        self.assertEqual(self._counts(), before)

    def test_oversize_photo_is_refused_and_nothing_written(self):
        self.env.company.portal_upload_max_mb = 1
        before = self._counts()
        big = PNG + b"\0" * (1024 * 1024)
        response = self._file(self._form(), {"photos": ("grande.png", big, "image/png")})
        self.assertNothingWritten(response, 400, before)
        self.assertIn("grande.png", response.text)
        self.assertIn("1 Mo", response.text)
        # The form comes back filled in, so nothing typed is lost.
        self.assertIn("Le volet de la chambre ne descend plus.", response.text)

    def test_non_image_file_is_refused(self):
        before = self._counts()
        response = self._file(
            self._form(), {"photos": ("rapport.pdf", PDF, "application/pdf")}
        )
        self.assertNothingWritten(response, 400, before)
        self.assertIn("rapport.pdf", response.text)
        self.assertIn("n&#39;est pas une photo", response.text)

    def test_fake_image_is_checked_by_its_content(self):
        before = self._counts()
        response = self._file(
            self._form(), {"photos": ("photo.png", b"<script>alert(1)</script>", "image/png")}
        )
        self.assertNothingWritten(response, 400, before)

    def test_one_bad_photo_among_good_ones_stores_none(self):
        before = self._counts()
        response = self._file(
            self._form(),
            [
                ("photos", ("bonne.png", PNG, "image/png")),
                ("photos", ("mauvaise.txt", b"texte", "text/plain")),
            ],
        )
        self.assertNothingWritten(response, 400, before)

    def test_script_in_a_complaint_is_kept_as_text(self):
        script = "<script>alert('x')</script> fuite"
        response = self._file(self._form(name="<b>Titre</b>", description=script))
        self.assertEqual(response.status_code, 303)
        complaint = self.env["mq.complaint"].search([("name", "=", "<b>Titre</b>")])
        self.assertNotIn("<script>", complaint.description)
        self.assertIn("&lt;script&gt;", complaint.description)
        page = self.url_open(f"/my/complaints/{complaint.id}").text
        self.assertNotIn("<script>alert('x')</script>", page)
        self.assertNotIn("<b>Titre</b>", page)
        self.assertIn("&lt;b&gt;Titre&lt;/b&gt;", page)

    def test_missing_csrf_is_refused(self):
        before = self._counts()
        form = self._form()
        del form["csrf_token"]
        response = self._file(form)
        self.assertNothingWritten(response, 400, before)

    def test_complaint_on_someone_elses_house_is_refused(self):
        before = self._counts()
        response = self._file(self._form(project_id=self.house_b.id))
        self.assertNothingWritten(response, 404, before)
        self.assertNotIn(self.house_b.name, response.text)
        response = self._file(self._form(project_id="abc"))
        self.assertNothingWritten(response, 404, before)

    def test_house_id_past_the_database_integer_is_not_found(self):
        before = self._counts()
        response = self._file(self._form(project_id="9" * 20))
        self.assertNothingWritten(response, 404, before)

    def test_nul_character_is_a_bad_request_and_nothing_written(self):
        """PostgreSQL stores no NUL character: a form with one gets a 400 page
        that says why, never a 500."""
        before = self._counts()
        for field in ("name", "description", "request_key"):
            with self.subTest(field=field):
                response = self._file(self._form(**{field: "Volet\x00 bloqué"}))
                self.assertNothingWritten(response, 400, before)
                self.assertIn('role="alert"', response.text)
        response = self.url_open("/my/complaints?search=volet%00")
        self.assertEqual(response.status_code, 400)
        # In the file name of the second of two photos, too (sent as a raw
        # client would: requests would percent-encode it).
        parts = [
            f'Content-Disposition: form-data; name="{name}"\r\n\r\n{value}'.encode()
            for name, value in self._form().items()
        ]
        parts += [
            b'Content-Disposition: form-data; name="photos"; filename="%s"\r\n'
            b"Content-Type: image/png\r\n\r\n%s" % (filename, PNG)
            for filename in (b"fissure.png", b"fis\x00sure.png")
        ]
        body = b"".join(b"--XX\r\n" + part + b"\r\n" for part in parts) + b"--XX--\r\n"
        response = self.url_open(
            "/my/complaints/new",
            data=body,
            headers={"Content-Type": "multipart/form-data; boundary=XX"},
            allow_redirects=False,
        )
        self.assertNothingWritten(response, 400, before)

    def test_double_submission_files_one_complaint(self):
        form = self._form(request_key="une-seule-fois")
        photo = {"photos": ("fissure.png", PNG, "image/png")}
        first = self._file(form, photo)
        second = self._file(form, photo)
        self.assertEqual(first.status_code, 303)
        self.assertEqual(second.status_code, 303)
        self.assertEqual(first.headers["Location"], second.headers["Location"])
        complaints = self.env["mq.complaint"].search([("portal_request_key", "=", "une-seule-fois")])
        self.assertEqual(len(complaints), 1)
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", "mq.complaint"), ("res_id", "=", complaints.id)]
        )
        self.assertEqual(len(photos), 1)

    def test_another_clients_form_key_is_not_a_way_in(self):
        self._file(self._form(request_key="cle-de-a"))
        self._as(self.portal_b)
        before = self._counts()
        response = self._file(self._form(request_key="cle-de-a", project_id=self.house_b.id))
        self.assertNothingWritten(response, 404, before)

    def test_missing_subject_or_category_is_explained(self):
        before = self._counts()
        response = self._file(self._form(name="  "))
        self.assertNothingWritten(response, 400, before)
        self.assertIn("Donnez un objet à votre réclamation", response.text)
        response = self._file(self._form(category_id="999999"))
        self.assertNothingWritten(response, 400, before)
        self.assertIn("Choisissez l&#39;objet de votre réclamation", response.text)

    def test_satisfaction_only_once_answered_and_from_the_list(self):
        url = f"/my/complaints/{self.complaint_a.id}/satisfaction"
        response = self.url_open(
            url, data={"satisfaction": "satisfied", "csrf_token": self._csrf()}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.complaint_a.state, "new")
        self.complaint_a.answer = "<p>Réparé.</p>"
        self.complaint_a.action_answer()
        response = self.url_open(
            url, data={"satisfaction": "ravi", "csrf_token": self._csrf()}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.env.invalidate_all()
        self.assertEqual(self.complaint_a.state, "answered")
        self.assertFalse(self.complaint_a.satisfaction)

    def test_acknowledging_twice_keeps_the_first_date(self):
        url = f"/my/house/{self.house_a.id}/commitments"
        self.url_open(url, data={"csrf_token": self._csrf()}, allow_redirects=False)
        self.env.invalidate_all()
        first = self.house_a.mq_commitment_ids.mapped("client_ack_date")
        self.assertTrue(all(first))
        self.env.cr.execute(
            "UPDATE mq_commitment SET client_ack_date = client_ack_date - interval '1 day' "
            "WHERE project_id = %s",
            (self.house_a.id,),
        )
        self.env.invalidate_all()
        first = self.house_a.mq_commitment_ids.mapped("client_ack_date")
        response = self.url_open(url, data={"csrf_token": self._csrf()}, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        self.assertEqual(self.house_a.mq_commitment_ids.mapped("client_ack_date"), first)
