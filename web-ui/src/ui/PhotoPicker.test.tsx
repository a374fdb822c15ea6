import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { PhotoView } from '../api/types';
import i18n from '../i18n';
import { fakeApi } from '../testing/renderWithAuth';
import { PhotoPicker } from './PhotoPicker';

const uploaded = (n: number) => ({
  id: `p${n}`, ref: `p${n}`, width: 960, height: 720, thumbnailUrl: `/t/p${n}`, url: `/m/p${n}`, largeUrl: `/l/p${n}`,
});

function Picker({ api, max = 12, initial = [] }: { api: ReturnType<typeof fakeApi>; max?: number; initial?: PhotoView[] }) {
  const [photos, setPhotos] = useState<PhotoView[]>(initial);
  return (
    <>
      <PhotoPicker api={api} store="gz_tianhe" value={photos} max={max} onChange={setPhotos} />
      <output data-testid="refs">{photos.map((p) => p.ref).join(',')}</output>
    </>
  );
}

const jpeg = (name: string) => new File(['jpeg'], name, { type: 'image/jpeg' });

describe('photo picker', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("offers the phone's camera and a file chooser for pictures", () => {
    render(<Picker api={fakeApi()} />);

    const camera = screen.getByLabelText('拍照');
    expect(camera).toHaveAttribute('type', 'file');
    expect(camera).toHaveAttribute('accept', 'image/*');
    expect(camera).toHaveAttribute('capture', 'environment');
    const chooser = screen.getByLabelText('从相册选择');
    expect(chooser).toHaveAttribute('multiple');
    expect(chooser).not.toHaveAttribute('capture');
    expect(screen.getByText('还没有照片：拍照或从相册选择，有照片的车更容易通过审核。')).toBeInTheDocument();
  });

  it('uploads each chosen picture to the store and shows its thumbnail', async () => {
    const api = fakeApi({ upload: vi.fn().mockResolvedValueOnce(uploaded(1)).mockResolvedValueOnce(uploaded(2)) });
    render(<Picker api={api} />);

    fireEvent.change(screen.getByLabelText('从相册选择'), { target: { files: [jpeg('a.jpg'), jpeg('b.jpg')] } });

    expect(await screen.findByAltText('车辆照片 2')).toHaveAttribute('src', '/t/p2');
    expect(screen.getByAltText('车辆照片 1')).toHaveAttribute('src', '/t/p1');
    expect(screen.getByTestId('refs')).toHaveTextContent('p1,p2');
    expect(api.upload).toHaveBeenCalledTimes(2);
    const [path, form] = api.upload.mock.calls[0]!;
    expect(path).toBe('/api/stores/gz_tianhe/photos');
    expect((form as FormData).get('file')).toBeInstanceOf(File);
  });

  it("shows the server's reason when a picture is refused and keeps the others", async () => {
    const heic = new ApiError(415, { type: 'https://m4s.dev/problems/photo-type-unsupported', status: 415,
      detail: '暂不支持 HEIC 格式：请在 iPhone 的“设置 > 相机 > 格式”中选择“兼容性最佳”，或以 JPEG 格式发送照片。' }, 'zh-CN');
    const api = fakeApi({ upload: vi.fn().mockRejectedValueOnce(heic).mockResolvedValueOnce(uploaded(3)) });
    render(<Picker api={api} />);

    fireEvent.change(screen.getByLabelText('拍照'), { target: { files: [jpeg('IMG_1.HEIC'), jpeg('b.jpg')] } });

    expect(await screen.findByRole('alert')).toHaveTextContent('IMG_1.HEIC 上传失败：暂不支持 HEIC 格式');
    expect(await screen.findByAltText('车辆照片 1')).toHaveAttribute('src', '/t/p3');
  });

  it('removes a photo and stops offering more at the limit', async () => {
    const api = fakeApi();
    render(<Picker api={api} max={2} initial={[uploaded(1), uploaded(2)]} />);

    expect(screen.getByLabelText('从相册选择')).toBeDisabled();
    fireEvent.click(screen.getByLabelText('删除照片 1'));

    expect(screen.getByTestId('refs')).toHaveTextContent('p2');
    expect(screen.getByLabelText('从相册选择')).not.toBeDisabled();
  });
});
